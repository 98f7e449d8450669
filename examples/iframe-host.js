// Host side of the iframe embedding (examples/iframe.html): sizes each widget
// frame to its content. The widget posts { type: 'budget-widget:height',
// height } to its parent whenever its height changes; only messages from one of
// our frames, from the frame's own origin, are taken. A file, not an inline
// script: it runs under a strict Content-Security-Policy too.
const frames = [...document.querySelectorAll('iframe[data-budget-widget-frame]')];

window.addEventListener('message', (event) => {
  const frame = frames.find((f) => f.contentWindow === event.source);
  if (!frame || event.origin !== new URL(frame.src, location.href).origin) return;
  if (event.data?.type !== 'budget-widget:height') return;
  const height = Number(event.data.height);
  if (!Number.isFinite(height) || height <= 0) return;
  frame.style.height = `${Math.min(Math.ceil(height), 100000)}px`;
});

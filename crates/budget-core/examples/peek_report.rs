fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let r = budget_core::read::read_table(&text);
    println!("refused: {:?}", r.refused);
    if let Some(rep) = &r.report {
        for f in &rep.figures { println!("F l{} #{} {:?} [{}] {} {:?} a={:?} s={:?}", f.line, f.nth, f.words, f.text, f.value, f.role, f.action, f.section.as_ref().map(|s| s.0)); }
        for u in &rep.uncertain { println!("U l{} #{} [{}] {} a={:?} sug={:?} :: {}", u.line, u.nth, u.text, u.value, u.action, u.suggestion, u.context); }
    }
    for a in r.convention.actions.iter() { println!("A {} {:?} row={:?} planned={} exec={}", a.number, a.title, a.source_row, a.planned.len(), a.execution.executed.len()); }
    let rep = budget_core::report::compute(&r.convention);
    println!("{}", serde_json::to_string(&rep.grand).unwrap()); for w in &rep.warnings { println!("W {:?}", w); }
}

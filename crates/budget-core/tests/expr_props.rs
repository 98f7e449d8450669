//! Properties of [`eval`]: it never panics, and it agrees with a direct
//! evaluation of the same calculation.

use budget_core::expr::eval;
use budget_core::Decimal;
use proptest::prelude::*;

/// A calculation as a tree, to be written out and evaluated independently.
#[derive(Clone, Debug)]
enum Calc {
    Num(i64, u32),
    Neg(Box<Calc>),
    Add(Box<Calc>, Box<Calc>),
    Sub(Box<Calc>, Box<Calc>),
    Mul(Box<Calc>, Box<Calc>),
}

impl Calc {
    /// Written in French: decimal comma, every operation parenthesised.
    fn text(&self) -> String {
        match self {
            Calc::Num(m, s) => Decimal::new(*m, *s).to_string().replace('.', ","),
            Calc::Neg(a) => format!("-({})", a.text()),
            Calc::Add(a, b) => format!("({} + {})", a.text(), b.text()),
            Calc::Sub(a, b) => format!("({} - {})", a.text(), b.text()),
            Calc::Mul(a, b) => format!("({} * {})", a.text(), b.text()),
        }
    }

    /// The value, with Decimal's checked arithmetic.
    fn value(&self) -> Option<Decimal> {
        match self {
            Calc::Num(m, s) => Some(Decimal::new(*m, *s)),
            Calc::Neg(a) => Decimal::ZERO.checked_sub(a.value()?),
            Calc::Add(a, b) => a.value()?.checked_add(b.value()?),
            Calc::Sub(a, b) => a.value()?.checked_sub(b.value()?),
            Calc::Mul(a, b) => a.value()?.checked_mul(b.value()?),
        }
    }
}

fn calc() -> impl Strategy<Value = Calc> {
    // Non-negative literals of at most 6 digits, 0 to 2 decimals: never written
    // in a way the single-dot rule could take for thousands.
    let leaf = (0i64..1_000_000, 0u32..=2).prop_map(|(m, s)| Calc::Num(m, s));
    leaf.prop_recursive(5, 32, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|a| Calc::Neg(Box::new(a))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Calc::Add(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Calc::Sub(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| Calc::Mul(Box::new(a), Box::new(b))),
        ]
    })
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,60}") {
        let _ = eval(&text);
    }

    #[test]
    fn never_panics_on_calculation_like_text(text in "=?[-−+*/×÷()%0-9 .,€]{0,80}") {
        let _ = eval(&text);
    }

    #[test]
    fn never_panics_on_deep_nesting(depth in 0usize..5000) {
        let _ = eval(&format!("={}1{}", "(".repeat(depth), ")".repeat(depth)));
        let _ = eval(&format!("={}1", "-".repeat(depth)));
    }

    #[test]
    fn agrees_with_direct_evaluation(c in calc()) {
        let text = format!("={}", c.text());
        match c.value() {
            Some(v) => prop_assert_eq!(eval(&text), Ok(v), "{}", text),
            None => prop_assert!(eval(&text).is_err(), "{}", text),
        }
    }
}

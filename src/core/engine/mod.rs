//! Layer 2, engine: what follows from an evaluation — scoring per rule kind, the score audit, the checks
//! (findings and reconciliations), the assessment that runs them all, the margins to the next grade and
//! the what-if comparison. Uses the vocabulary only; inside, in this order: scoring → audit → node →
//! check → lights → target_review → assess → margin → what_if.

pub mod assess;
pub mod audit;
pub mod check;
pub mod lights;
pub mod margin;
pub mod node;
pub mod scoring;
pub mod target_review;
pub mod what_if;

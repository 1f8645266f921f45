//! One event from many reports: merge keys, folding reports into events.

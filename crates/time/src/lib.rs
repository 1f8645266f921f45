//! Time expressions resolved against the publication date.

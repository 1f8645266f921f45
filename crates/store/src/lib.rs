//! The SQLite store: documents, reports, events; migrations; queries. Knows no NLP.

//! Reading articles: files, folders, JSONL, HTML, gzip, stdin -> Article.

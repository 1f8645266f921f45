//! Cleaning crawled text: junk removal, offset map, dateline, sentences, tokens -> Document.

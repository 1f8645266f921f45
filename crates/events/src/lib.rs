//! The CAMEO codebook and the event coder.

//! EPW reader (TODO)

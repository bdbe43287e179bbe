//! synthetic (TODO)

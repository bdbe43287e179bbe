//! Decomposition of GHI into DNI and DHI (TODO)

//! SHA-256 fingerprints as 64 lower-case hex digits: of bytes, of parts fed in turn, of a file
//! read in chunks. The one hashing helper of the program (provenance, study ids, shard results).

use sha2::Digest;

/// SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha2::Sha256::digest(bytes))
}

/// SHA-256 of `parts` fed one after the other (the same as of their concatenation).
pub fn sha256_hex_of_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update(p);
    }
    hex(&h.finalize())
}

/// SHA-256 of everything `reader` gives, read in 64 KiB chunks (weather files of a 1-minute
/// year are tens of MB).
pub fn sha256_hex_of_reader(mut reader: impl std::io::Read) -> std::io::Result<String> {
    let mut h = sha2::Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => h.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(hex(&h.finalize()))
}

/// Bytes as lower-case hex digits.
fn hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(2 * digest.len());
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FIPS 180-2, appendix B.1: SHA-256("abc").
    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn the_published_test_vector_in_every_form() {
        assert_eq!(sha256_hex(b"abc"), ABC);
        assert_eq!(sha256_hex_of_parts([&b"a"[..], b"bc"]), ABC);
        assert_eq!(sha256_hex_of_reader(&b"abc"[..]).expect("reads"), ABC);
    }
}

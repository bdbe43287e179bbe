//! Where the program's outputs may go, and how they are written so that no output destroys an
//! input or the system.
//!
//! Every file the program writes goes through [`write_file`] (or [`write_file_via_path`] for
//! writers that need a path, such as the PNG encoder):
//!
//! - **Symbolic links are followed** (as a shell redirection does): rewriting a linked scenario
//!   writes the file the link points to, and the link stays a link.
//! - **A regular file is replaced atomically**: a temporary file in the target's folder is
//!   filled, flushed and renamed over the target, so a crash leaves the old or the new file,
//!   never a torn one. The new file keeps the permission bits of the file it replaces, without
//!   setuid, setgid or sticky bits (or gets the usual read-for-all when new).
//! - **A character device or a named pipe is written through**, never replaced by a regular
//!   file (`--hourly /dev/null`, `--hourly /dev/stdout`, a FIFO a reader holds open). A named
//!   pipe nobody reads is refused instead of waiting forever.
//! - **Folders, block devices and sockets are refused** in words.
//!
//! [`FileKey`] identifies files by identity (device and inode, or the platform's equivalent), not
//! by spelling, so that a run can refuse an output that is one of its own inputs whatever path
//! names it (`./a.ron`, an absolute path, a symbolic or hard link).

use dakhla_i18n::tr;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Most symbolic links followed to reach an output's target (as the kernel's own limit, 40).
const MAX_LINK_HOPS: usize = 40;

/// An error about a path, in a planner's words (no OS error numbers).
fn refused(message: String) -> io::Error {
    io::Error::other(message)
}

/// What kind of thing a path names: "a folder", "a block device"... These English words are
/// also keys: [`kind_text`] gives them in the current language for a message.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    if t.is_file() {
        return "a file";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// What a path is, as [`kind_of`] says it in English ("a folder"), in the current language;
/// other text as it is.
pub fn kind_text(kind: &str) -> String {
    let id = match kind {
        "a folder" => "core-kind-folder",
        "a file" => "core-kind-file",
        "a symbolic link" => "core-kind-symlink",
        "a block device" => "core-kind-block-device",
        "a character device" => "core-kind-char-device",
        "a named pipe" => "core-kind-named-pipe",
        "a socket" => "core-kind-socket",
        "not a regular file" => "core-kind-not-regular",
        "a named pipe that no program wrote into" => "core-kind-empty-pipe",
        _ => return kind.to_owned(),
    };
    tr!(id)
}

/// The role of a run's input as the callers of [`RunFiles::input`] name it in English ("the
/// scenario", "shard file 2 of this merge"), in the current language; other text as it is.
fn role_text(role: &str) -> String {
    match role {
        "the scenario" => return tr!("core-role-scenario"),
        "the weather file" => return tr!("core-role-weather-file"),
        _ => {}
    }
    if let Some(k) = role
        .strip_prefix("shard file ")
        .and_then(|r| r.strip_suffix(" of this merge"))
        .filter(|k| k.parse::<u64>().is_ok())
    {
        return tr!("core-role-shard", number = k);
    }
    role.to_owned()
}

/// The folder of `path` as written (`.` for a bare file name); links are not followed.
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `path` with symbolic links followed to the file they lead to (at most [`MAX_LINK_HOPS`]); a
/// path that is not a link, or a link that cannot be read, is returned as it is.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINK_HOPS {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(to) if to.is_absolute() => p = to,
                Ok(to) => p = parent_dir(&p).join(to),
                Err(_) => break,
            },
            _ => break,
        }
    }
    p
}

/// Where an output path leads, once symbolic links are followed.
#[derive(Debug)]
pub enum Target {
    /// A regular file, existing or to be created, at this path (links resolved).
    File {
        path: PathBuf,
        /// The metadata of the file it replaces, when it exists.
        existing: Option<std::fs::Metadata>,
    },
    /// A character device or named pipe, written through in place (opened by the path as
    /// given: the system follows its links, `/proc` ones included).
    Stream { path: PathBuf, pipe: bool },
    /// The program's own standard output or error (`-`, `/dev/stdout`, `/dev/fd/1`...): written
    /// where they already point, after anything written there before (a file the shell
    /// redirected them to is appended to, not replaced).
    Standard { error: bool },
}

impl Target {
    /// The resolved path (`-` for a standard stream).
    pub fn path(&self) -> &Path {
        match self {
            Target::File { path, .. } | Target::Stream { path, .. } => path,
            Target::Standard { .. } => Path::new("-"),
        }
    }
}

/// The standard stream `path` names, if any: `-` or `/dev/stdout` (and `/dev/fd/1`,
/// `/proc/self/fd/1`) is the standard output, `/dev/stderr` (`/dev/fd/2`, `/proc/self/fd/2`)
/// the standard error.
fn standard_stream(path: &Path) -> Option<bool> {
    let text = path.to_str()?;
    match text {
        "-" => Some(false),
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" if cfg!(unix) => Some(false),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" if cfg!(unix) => Some(true),
        _ => None,
    }
}

/// Follow `path` through symbolic links to the file an output written there lands in, and say
/// whether it can be written: a folder, block device, socket or read-only file is refused, as
/// is a path whose folder does not exist.
pub fn resolve_output(path: &Path) -> io::Result<Target> {
    if path.as_os_str().is_empty() {
        return Err(refused(tr!("core-output-empty-name")));
    }
    if let Some(error) = standard_stream(path) {
        return Ok(Target::Standard { error });
    }
    let text = path.as_os_str().to_string_lossy();
    if text.ends_with('/') || (cfg!(windows) && text.ends_with('\\')) {
        return Err(refused(tr!("core-output-ends-with-separator")));
    }
    // What the system finds at the end of the links (the `/proc` ones included).
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Nothing there (or a link to nothing): a new file where the links lead.
            return new_file_target(follow_links(path));
        }
        Err(e) => return Err(about_path(e)),
    };
    let t = meta.file_type();
    if t.is_file() {
        if meta.permissions().readonly() {
            return Err(refused(tr!("core-output-read-only")));
        }
        // The real file (the folder its replacement is made in).
        let real = std::fs::canonicalize(path).map_err(about_path)?;
        return Ok(Target::File {
            path: real,
            existing: Some(meta),
        });
    }
    if t.is_dir() {
        return Err(refused(tr!("core-output-is-folder")));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return Ok(Target::Stream {
                path: path.to_path_buf(),
                pipe: false,
            });
        }
        if t.is_fifo() {
            return Ok(Target::Stream {
                path: path.to_path_buf(),
                pipe: true,
            });
        }
    }
    Err(refused(tr!(
        "core-output-not-regular",
        kind = kind_text(kind_of(&meta))
    )))
}

/// An error looking up a path, in words: a file used as a folder, a loop of links.
fn about_path(e: io::Error) -> io::Error {
    match e.kind() {
        io::ErrorKind::NotADirectory => refused(tr!("core-io-not-a-directory")),
        // ELOOP (Linux 40, BSD and macOS 62).
        _ if e.raw_os_error() == Some(if cfg!(target_os = "linux") { 40 } else { 62 })
            && cfg!(unix) =>
        {
            refused(tr!("core-io-link-loop"))
        }
        _ => e,
    }
}

/// Why a file cannot be read, before its content is looked at.
#[derive(Debug)]
pub enum InputError {
    /// The system's error (not found, permission denied...), in words.
    Io(io::Error),
    /// It is not a file: "a folder", "a socket"...
    NotAFile(&'static str),
    /// Larger than the reader accepts [bytes].
    TooLarge(u64),
    /// A named pipe that nothing wrote into.
    EmptyPipe,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{}", in_words(io::Error::new(e.kind(), e.to_string()))),
            InputError::NotAFile(kind) => {
                write!(
                    f,
                    "{}",
                    tr!("core-input-not-a-file", kind = kind_text(kind))
                )
            }
            InputError::TooLarge(bytes) => write!(
                f,
                "{}",
                tr!(
                    "core-input-too-large",
                    size = crate::text::megabytes(*bytes)
                )
            ),
            InputError::EmptyPipe => write!(f, "{}", tr!("core-input-empty-pipe")),
        }
    }
}

/// Read a file that a run takes as input, at most `max_bytes` (one more byte tells that it is
/// larger): never waiting forever (a named pipe nobody writes to reads as empty, and says so),
/// a folder refused before anything is read. Standard input (`/dev/stdin`, `-`) works.
pub fn read_input(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let f = open_input(path).map_err(|e| InputError::Io(about_path(e)))?;
    let meta = f.metadata().map_err(InputError::Io)?;
    if meta.is_dir() {
        return Err(InputError::NotAFile(kind_of(&meta)));
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(InputError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max_bytes) as usize);
    f.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(InputError::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if bytes.is_empty() && meta.file_type().is_fifo() {
            return Err(InputError::EmptyPipe);
        }
    }
    Ok(bytes)
}

/// Open a file to read: a named pipe is opened without waiting for a writer (then read in the
/// usual blocking way: it ends at once when nobody writes to it).
pub fn open_input(path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let f = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(path)?;
        rustix::fs::fcntl_setfl(&f, rustix::fs::OFlags::empty())?;
        Ok(f)
    }
    #[cfg(not(unix))]
    {
        File::open(path)
    }
}

/// A file to be created at `p`: its folder must exist and be a folder.
fn new_file_target(p: PathBuf) -> io::Result<Target> {
    if p.file_name().is_none() {
        return Err(refused(tr!("core-output-no-file-name")));
    }
    let dir = parent_dir(&p);
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => Ok(Target::File {
            path: p,
            existing: None,
        }),
        Ok(m) => Err(refused(tr!(
            "core-output-folder-is-not-folder",
            folder = dir.display().to_string(),
            kind = kind_text(kind_of(&m))
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(refused(tr!(
            "core-output-folder-missing",
            folder = dir.display().to_string()
        ))),
        Err(e) => Err(e),
    }
}

/// An IO error in a planner's words: no OS error numbers, and never the name of the program's
/// temporary file (the caller names the file the planner gave).
pub fn in_words(e: io::Error) -> io::Error {
    let text = match e.kind() {
        io::ErrorKind::PermissionDenied => tr!("core-io-permission-denied"),
        io::ErrorKind::NotFound => tr!("core-io-not-found"),
        io::ErrorKind::StorageFull => tr!("core-io-disk-full"),
        io::ErrorKind::ReadOnlyFilesystem => tr!("core-io-read-only-disk"),
        io::ErrorKind::QuotaExceeded => tr!("core-io-quota"),
        io::ErrorKind::NotADirectory => tr!("core-io-not-a-directory"),
        io::ErrorKind::IsADirectory => tr!("core-io-is-a-directory"),
        io::ErrorKind::CrossesDevices => tr!("core-io-crosses-devices"),
        // ELOOP (Linux 40, BSD and macOS 62).
        _ if cfg!(unix)
            && e.raw_os_error() == Some(if cfg!(target_os = "linux") { 40 } else { 62 }) =>
        {
            tr!("core-io-link-loop")
        }
        _ => {
            let t = e.to_string();
            let t = t.split(" at path ").next().unwrap_or(&t);
            t.split(" (os error").next().unwrap_or(t).to_owned()
        }
    };
    io::Error::new(e.kind(), text)
}

/// Write a file safely (see the module documentation): `write` fills it.
pub fn write_file(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    write_file_raw(path, write).map_err(in_words)
}

fn write_file_raw(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    match resolve_output(path)? {
        Target::Standard { error } => {
            let mut f = standard_file(error)?;
            // A reader that stopped (`| head`) ends the output quietly, as for printed text.
            match write(&mut f).and_then(|()| io::Write::flush(&mut f)) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
        Target::Stream { path, pipe } => {
            let mut f = open_stream(&path, pipe)?;
            write(&mut f)?;
            io::Write::flush(&mut f)
        }
        Target::File { path, existing } => {
            let dir = parent_dir(&path);
            let mut tmp = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .suffix(".tmp")
                .tempfile_in(&dir)?;
            set_permissions_for(tmp.as_file(), existing.as_ref())?;
            write(tmp.as_file_mut())?;
            tmp.as_file().sync_all()?;
            tmp.persist(&path).map_err(|e| e.error)?;
            remove_stale_temporaries(&dir);
            Ok(())
        }
    }
}

/// [`write_file`] for writers that create the file themselves from a path (an image encoder):
/// `write` is given a temporary path in the target's folder, with the target's extension.
pub fn write_file_via_path(
    path: &Path,
    write: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    write_via_path_raw(path, write).map_err(in_words)
}

fn write_via_path_raw(path: &Path, write: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let target = resolve_output(path)?;
    let dir = match &target {
        Target::Standard { .. } => std::env::temp_dir(),
        t => parent_dir(t.path()),
    };
    let suffix = target
        .path()
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(&suffix)
        .tempfile_in(&dir)?
        .into_temp_path();
    // The temporary file only reserves a unique name: remove it so that the writer creates it.
    std::fs::remove_file(&tmp)?;
    write(&tmp)?;
    match target {
        Target::Stream { path, pipe } => {
            let bytes = std::fs::read(&tmp)?;
            let mut f = open_stream(&path, pipe)?;
            io::Write::write_all(&mut f, &bytes)?;
            io::Write::flush(&mut f)
        }
        Target::Standard { error } => {
            let bytes = std::fs::read(&tmp)?;
            let mut f = standard_file(error)?;
            io::Write::write_all(&mut f, &bytes)?;
            io::Write::flush(&mut f)
        }
        Target::File { path, existing } => {
            let f = std::fs::OpenOptions::new().write(true).open(&tmp)?;
            set_permissions_for(&f, existing.as_ref())?;
            f.sync_all()?;
            tmp.persist(&path).map_err(|e| e.error)?;
            remove_stale_temporaries(&dir);
            Ok(())
        }
    }
}

/// The program's standard output (or error) as a file sharing its position, so that what is
/// written follows what was written there before.
fn standard_file(error: bool) -> io::Result<File> {
    use std::io::Write;
    // Anything the program printed and buffered goes first.
    let _ = std::io::stdout().flush();
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = if error {
            std::io::stderr().as_fd().try_clone_to_owned()?
        } else {
            std::io::stdout().as_fd().try_clone_to_owned()?
        };
        Ok(File::from(fd))
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::AsHandle;
        let h = if error {
            std::io::stderr().as_handle().try_clone_to_owned()?
        } else {
            std::io::stdout().as_handle().try_clone_to_owned()?
        };
        Ok(File::from(h))
    }
}

/// Prefix of the program's temporary files (a writer killed mid-write leaves one behind).
pub const TEMP_PREFIX: &str = ".dakhla-save-";

/// Open a character device or named pipe for writing, in place. A pipe is first opened without
/// waiting, so that one nobody reads is refused rather than blocking the program forever.
fn open_stream(path: &Path, pipe: bool) -> io::Result<File> {
    #[cfg(unix)]
    if pipe {
        use std::os::unix::fs::OpenOptionsExt;
        let probe = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(path)
            .map_err(|e| {
                if e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) {
                    refused(tr!("core-output-pipe-without-reader"))
                } else {
                    e
                }
            })?;
        // A reader is there: write in the usual blocking way.
        rustix::fs::fcntl_setfl(&probe, rustix::fs::OFlags::empty())?;
        return Ok(probe);
    }
    let _ = pipe;
    std::fs::OpenOptions::new().write(true).open(path)
}

/// The temporary file gets the permission bits of the file it replaces, without setuid, setgid
/// or sticky bits (a rewritten file must never gain privileges), or the usual ones (read for
/// all) so that a shared folder's other users can open it. Run as root, the replaced file's
/// owner and group are kept where the system allows it.
fn set_permissions_for(f: &File, existing: Option<&std::fs::Metadata>) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        match existing {
            Some(m) => {
                // Owner first: changing it clears the setuid bits, and the mode below is set
                // after it.
                let _ = std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid()));
                f.set_permissions(std::fs::Permissions::from_mode(m.mode() & 0o777))
            }
            None => f.set_permissions(std::fs::Permissions::from_mode(0o644)),
        }
    }
    #[cfg(not(unix))]
    {
        // Elsewhere a new file's access follows its folder; a read-only flag is kept.
        if let Some(m) = existing {
            f.set_permissions(m.permissions())?;
        }
        Ok(())
    }
}

/// A writer killed mid-write leaves its temporary file behind (the target is intact). Remove
/// such files of this program in `dir` once they are an hour old: no live writer takes that
/// long, so a concurrent save is never disturbed.
pub(crate) fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX)
            && e.file_type().is_ok_and(|t| t.is_file())
            && e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > hour))
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The identity of a file: the same for every path that names it (links, `./`, absolute or
/// relative spellings). A file that does not exist yet is identified by its resolved folder and
/// name, so that two outputs of one run naming the same new file are also recognised.
#[derive(Debug)]
pub enum FileKey {
    /// Device and inode (read from the metadata: a named pipe is never opened to be told).
    #[cfg(unix)]
    Existing(u64, u64),
    #[cfg(not(unix))]
    Existing(same_file::Handle),
    New(PathBuf),
}

impl PartialEq for FileKey {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            #[cfg(unix)]
            (FileKey::Existing(d1, i1), FileKey::Existing(d2, i2)) => d1 == d2 && i1 == i2,
            #[cfg(not(unix))]
            (FileKey::Existing(a), FileKey::Existing(b)) => a == b,
            (FileKey::New(a), FileKey::New(b)) => a == b,
            _ => false,
        }
    }
}

impl FileKey {
    /// The key of `path` (links followed). `None` when it cannot be told (an unreadable
    /// folder): the caller then cannot match it with anything.
    pub fn of(path: &Path) -> Option<FileKey> {
        if let Some(k) = Self::existing(path) {
            return Some(k);
        }
        // Not there: its folder's real path and its name (a dangling link: its target's).
        let target = match resolve_output(path) {
            Ok(t) => t.path().to_path_buf(),
            Err(_) => path.to_path_buf(),
        };
        let name = target.file_name()?.to_owned();
        let dir = std::fs::canonicalize(parent_dir(&target)).ok()?;
        Some(FileKey::New(dir.join(name)))
    }

    #[cfg(unix)]
    fn existing(path: &Path) -> Option<FileKey> {
        if standard_stream(path).is_some() {
            return None;
        }
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        Some(FileKey::Existing(m.dev(), m.ino()))
    }

    #[cfg(not(unix))]
    fn existing(path: &Path) -> Option<FileKey> {
        same_file::Handle::from_path(path)
            .ok()
            .map(FileKey::Existing)
    }
}

/// The files a run reads and writes, so that no output is one of its inputs and no two
/// outputs are the same file. Paths are compared by identity ([`FileKey`]).
#[derive(Debug, Default)]
pub struct RunFiles {
    inputs: Vec<(String, PathBuf, FileKey)>,
    outputs: Vec<(String, PathBuf, FileKey)>,
}

impl RunFiles {
    pub fn new() -> Self {
        Self::default()
    }

    /// Note an input of the run; `role` names it in messages ("the scenario", "the weather
    /// file").
    pub fn input(&mut self, role: impl Into<String>, path: &Path) {
        if let Some(key) = FileKey::of(path) {
            self.inputs.push((role.into(), path.to_path_buf(), key));
        }
    }

    /// Check an output of the run before anything is computed: it must be writable as
    /// [`resolve_output`] says, not be one of the run's inputs, and not be another output of
    /// the same run. `role` names the option (`--hourly`). The message names both paths.
    pub fn output(&mut self, role: &str, path: &Path) -> Result<(), String> {
        resolve_output(path).map_err(|e| {
            tr!(
                "core-output-cannot-write",
                role = role,
                path = path.display().to_string(),
                error = e.to_string()
            )
        })?;
        let Some(key) = FileKey::of(path) else {
            return Ok(());
        };
        if let Some((what, p, _)) = self.inputs.iter().find(|(_, _, k)| *k == key) {
            let (role, path_text, what) = (role, path.display().to_string(), role_text(what));
            return Err(if p == path {
                tr!(
                    "core-output-is-input",
                    role = role,
                    path = path_text,
                    input = what
                )
            } else {
                tr!(
                    "core-output-is-input-by-another-name",
                    role = role,
                    path = path_text,
                    input = what,
                    input_path = p.display().to_string()
                )
            });
        }
        if let Some((other, p, _)) = self.outputs.iter().find(|(_, _, k)| *k == key) {
            return Err(tr!(
                "core-output-twice",
                role = role,
                path = path.display().to_string(),
                other = other.as_str(),
                other_path = p.display().to_string()
            ));
        }
        self.outputs
            .push((role.to_owned(), path.to_path_buf(), key));
        Ok(())
    }

    /// Whether `path` is one of the run's inputs, and which (its role).
    pub fn input_role(&self, path: &Path) -> Option<&str> {
        let key = FileKey::of(path)?;
        self.inputs
            .iter()
            .find(|(_, _, k)| *k == key)
            .map(|(role, _, _)| role.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn setuid_and_setgid_bits_are_never_inherited() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.csv");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o6755)).unwrap();
        write_file(&f, |w| io::Write::write_all(w, b"new")).unwrap();
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o755);
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink("real.ron", &link).unwrap();
        write_file(&link, |w| io::Write::write_all(w, b"new")).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_character_device_is_written_through_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_file(Path::new("/dev/null"), |w| io::Write::write_all(w, b"x")).unwrap();
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_without_reader_is_refused_and_stays_a_pipe() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system
        }
        let e = write_file(&fifo, |w| io::Write::write_all(w, b"x")).unwrap_err();
        assert!(e.to_string().contains("no program is reading"), "{e}");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        // With a reader, the data go through the pipe.
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        let mut written = false;
        for _ in 0..200 {
            if write_file(&fifo, |w| io::Write::write_all(w, b"through")).is_ok() {
                written = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(written);
        assert_eq!(reader.join().unwrap(), "through");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn folders_and_missing_folders_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_file(dir.path(), |_| Ok(())).unwrap_err();
        assert!(e.to_string().contains("it is a folder, not a file"), "{e}");
        let e = write_file(&dir.path().join("nope/x.csv"), |_| Ok(())).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        let file = dir.path().join("f");
        std::fs::write(&file, "").unwrap();
        let e = write_file(&file.join("x.csv"), |_| Ok(())).unwrap_err();
        assert!(e.to_string().contains("is a file, not a folder"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_matched_with_inputs_by_identity_not_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        std::fs::write(&a, "x").unwrap();
        let hard = dir.path().join("hard.ron");
        std::fs::hard_link(&a, &hard).unwrap();
        let soft = dir.path().join("soft.ron");
        std::os::unix::fs::symlink(&a, &soft).unwrap();
        let mut run = RunFiles::new();
        run.input("the scenario", &a);
        for p in [
            a.clone(),
            hard.clone(),
            soft.clone(),
            dir.path().join(".").join("a.ron"),
        ] {
            let e = run.output("--save", &p).unwrap_err();
            assert!(e.contains("this is the scenario of this run"), "{e}");
        }
        let new = dir.path().join("new.csv");
        run.output("--hourly", &new).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let e = run
            .output("--pareto", &dir.path().join("sub/../new.csv"))
            .unwrap_err();
        assert!(e.contains("--hourly"), "{e}");
    }
}

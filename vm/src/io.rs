//! Output buffering for stdout/stderr and the state behind file objects.
//!
//! A file object is an Obj4 of kind `File`: s[0] name, s[1] mode, s[2] the
//! index of its `FileState` in `Vm::files` (a small int), s[3] unused. The
//! three standard streams are files 0, 1 and 2.

use crate::value::Value;
use crate::vm::Vm;
use std::io::{Read, Write};

pub enum FileHandle {
    Stdin,
    Stdout,
    Stderr,
    Disk(std::fs::File),
}

pub struct FileState {
    pub handle: FileHandle,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    pub closed: bool,
    /// Bytes read ahead of the reader's position.
    pub rbuf: Vec<u8>,
    pub wbuf: Vec<u8>,
    pub eof: bool,
}

impl FileState {
    pub fn new(handle: FileHandle, binary: bool, readable: bool, writable: bool) -> Self {
        FileState { handle, binary, readable, writable, closed: false, rbuf: Vec::new(), wbuf: Vec::new(), eof: false }
    }
    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() { return Ok(()); }
        let r = match &mut self.handle {
            FileHandle::Stdout => { let mut o = std::io::stdout().lock(); o.write_all(&self.wbuf).and_then(|_| o.flush()) }
            FileHandle::Stderr => { let mut o = std::io::stderr().lock(); o.write_all(&self.wbuf).and_then(|_| o.flush()) }
            FileHandle::Disk(f) => f.write_all(&self.wbuf),
            FileHandle::Stdin => Ok(()),
        };
        self.wbuf.clear();
        r
    }
    pub fn write(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.wbuf.extend_from_slice(b);
        let limit = match self.handle { FileHandle::Stderr => 0, _ => 1 << 16 };
        if self.wbuf.len() > limit { self.flush()?; }
        Ok(())
    }
    /// Fills the read buffer with at least `want` bytes if possible.
    pub fn fill(&mut self, want: usize) -> std::io::Result<()> {
        while self.rbuf.len() < want && !self.eof { self.fill_once()?; }
        Ok(())
    }
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while !self.eof { let n = self.rbuf.len() + 65536; self.fill(n)?; }
        Ok(std::mem::take(&mut self.rbuf))
    }
    /// Reads whatever one read call returns (so an interactive stdin line
    /// is not held back waiting for more).
    pub fn fill_once(&mut self) -> std::io::Result<()> {
        if self.eof { return Ok(()); }
        let mut chunk = vec![0u8; 65536];
        let n = match &mut self.handle {
            FileHandle::Stdin => std::io::stdin().lock().read(&mut chunk)?,
            FileHandle::Disk(f) => f.read(&mut chunk)?,
            _ => 0,
        };
        if n == 0 { self.eof = true; }
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(())
    }
    pub fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        loop {
            if let Some(i) = self.rbuf.iter().position(|&c| c == b'\n') {
                return Ok(self.rbuf.drain(..=i).collect());
            }
            if self.eof { return Ok(std::mem::take(&mut self.rbuf)); }
            self.fill_once()?;
        }
    }
}

impl Vm {
    pub fn init_std_files(&mut self) {
        if self.files.is_empty() {
            self.files.push(Some(FileState::new(FileHandle::Stdin, false, true, false)));
            self.files.push(Some(FileState::new(FileHandle::Stdout, false, false, true)));
            self.files.push(Some(FileState::new(FileHandle::Stderr, false, false, true)));
        }
    }
    /// Writes to the process's stdout stream (file 1).
    pub fn write_stdout(&mut self, s: &str) {
        self.init_std_files();
        if let Some(f) = self.files[1].as_mut() { let _ = f.write(s.as_bytes()); }
    }
    /// Writes to stderr, flushing stdout first so interleaving stays readable.
    pub fn write_stderr(&mut self, s: &str) {
        self.init_std_files();
        if let Some(f) = self.files[1].as_mut() { let _ = f.flush(); }
        if let Some(f) = self.files[2].as_mut() { let _ = f.write(s.as_bytes()); let _ = f.flush(); }
    }
    pub fn flush_std(&mut self) {
        for i in 1..3.min(self.files.len()) {
            if let Some(f) = self.files[i].as_mut() { let _ = f.flush(); }
        }
        for f in self.files.iter_mut().skip(3).flatten() { let _ = f.flush(); }
    }
    pub fn file_index(&self, f: Value) -> usize { crate::heap::s4(f, 2).int() as usize }
}

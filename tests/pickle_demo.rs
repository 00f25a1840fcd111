//! The checkpoint demo (examples/checkpoint.py) split across two processes:
//! `--save FILE` runs half the rounds and pickles every tasklet, `--resume
//! FILE` loads them in a fresh process and finishes. Together the two runs
//! must print exactly what one uninterrupted run prints; the reference is
//! `tests/stackless/examples/checkpoint.expected`, which PyPy generates
//! from the uninterrupted run (tests/stackless/regen.py).
//!
//! It runs under every collector (Boehm when libgc is installed), under
//! `SKIFF_GC_STRESS`, and with the two halves under different collectors:
//! the file does not depend on the collector that wrote it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path { Path::new(env!("CARGO_MANIFEST_DIR")) }

fn boehm_available() -> bool {
    let out = Command::new(env!("CARGO_BIN_EXE_skiff")).args(["--gc", "boehm", "-c", "pass"]).output().unwrap();
    if out.status.success() { return true; }
    let why = String::from_utf8_lossy(&out.stderr);
    assert!(why.contains("libgc1"), "boehm failed for another reason: {why}");
    eprintln!("note: libgc1 is not installed; the Boehm runs are skipped");
    false
}

fn run(envs: &[(&str, &str)], args: &[&str], dir: &Path) -> String {
    let script = root().join("examples/checkpoint.py");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_skiff"));
    cmd.arg(&script).args(args).current_dir(dir).env_remove("SKIFF_GC").env_remove("SKIFF_GC_STRESS");
    for (k, v) in envs { cmd.env(k, v); }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "checkpoint.py {args:?} with {envs:?} failed:\n{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("skiff-pickle-demo-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn save_and_resume_equals_an_uninterrupted_run_under_every_collector() {
    let expected = std::fs::read_to_string(root().join("tests/stackless/examples/checkpoint.expected")).unwrap();
    let mut modes: Vec<(&str, Vec<(&str, &str)>, Vec<(&str, &str)>)> = vec![
        ("marksweep", vec![], vec![]),
        ("gc-stress", vec![("SKIFF_GC_STRESS", "13")], vec![("SKIFF_GC_STRESS", "13")]),
        ("barriercheck", vec![("SKIFF_GC", "barriercheck")], vec![("SKIFF_GC", "barriercheck")]),
    ];
    if boehm_available() {
        modes.push(("boehm", vec![("SKIFF_GC", "boehm")], vec![("SKIFF_GC", "boehm")]));
        modes.push(("boehm-gc-stress", vec![("SKIFF_GC", "boehm"), ("SKIFF_GC_STRESS", "13")], vec![("SKIFF_GC", "boehm"), ("SKIFF_GC_STRESS", "13")]));
        modes.push(("marksweep-then-boehm", vec![], vec![("SKIFF_GC", "boehm")]));
    }
    let mut failures = Vec::new();
    for (name, save_env, resume_env) in &modes {
        let dir = tmpdir(name);
        let full = run(save_env, &[], &dir);
        let first = run(save_env, &["--save", "state.bin"], &dir);
        assert!(dir.join("state.bin").exists(), "{name}: --save wrote no file");
        let second = run(resume_env, &["--resume", "state.bin"], &dir);
        let _ = std::fs::remove_dir_all(&dir);
        if full != expected { failures.push(format!("{name}: the uninterrupted run differs from checkpoint.expected")); }
        if first.is_empty() || second.is_empty() { failures.push(format!("{name}: one half printed nothing")); }
        if format!("{first}{second}") != expected {
            failures.push(format!("{name}: save + resume differs from an uninterrupted run:\n--- save\n{first}--- resume\n{second}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn resume_rejects_a_damaged_checkpoint() {
    let dir = tmpdir("damaged");
    run(&[], &["--save", "state.bin"], &dir);
    let path = dir.join("state.bin");
    let data = std::fs::read(&path).unwrap();
    // Cut in half, a bad magic number, a future format version: a clean
    // UnpicklingError (exit status 1 with the traceback), never a crash.
    let with = |i: usize, b: u8| { let mut d = data.clone(); d[i] = b; d };
    for (what, bad) in [("truncated", data[..data.len() / 2].to_vec()), ("bad magic", with(0, b'X')), ("version", with(4, 99))] {
        std::fs::write(&path, &bad).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_skiff")).arg(root().join("examples/checkpoint.py"))
            .args(["--resume", "state.bin"]).current_dir(&dir).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: expected exit 1, got {:?}\n{stderr}", out.status);
        assert!(stderr.lines().last().is_some_and(|l| l.starts_with("pickle.UnpicklingError: ")),
            "{what}: expected an UnpicklingError, got:\n{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

//! The bytecode verifier: re-establishes, for code and frames that did not
//! come from our compiler (`pickle.loads`), every invariant the interpreter
//! trusts without checking.
//!
//! The dispatch loop (`interp.rs`) fetches instructions with `get_unchecked`,
//! indexes frame slots with raw pointer arithmetic and reads inline caches,
//! constants and names by index. The compiler guarantees the indices; a
//! hostile pickle guarantees nothing, so [`verify_code`] checks, without
//! touching the VM heap (the two kind-check helpers at the end read it, and
//! nothing here allocates on it):
//!
//! - **Shape.** `instrs` is non-empty; `lines`, `positions` and `caches` have
//!   one entry per instruction (cache *contents* are not checked, so live
//!   code verifies too: a loader must make them `Cache::default()`, never
//!   read them from bytes, since the interpreter trusts an entry whose key
//!   matches as a raw Value); `nlocals` equals the varnames count and the cell counts match the
//!   tuples; `nslots()` fits in [`MAX_SLOTS`]; flags are known bits;
//!   parameters (`argcount + kwonlyargcount + *args + **kwargs`) fit in the
//!   locals and `posonlyargcount <= argcount` (`bind_args` writes those
//!   slots unchecked); every `cell2arg` pair names a cell and a parameter.
//! - **Arguments.** Every instruction, reachable or not: const, name, local
//!   and cell indices in range; jump targets inside the code (and
//!   `JUMP_BACKWARD` really backward: the interpreter computes `pc - target`);
//!   operator numbers in their tables (`BinOp::from_arg` and
//!   `CmpOp::from_arg` index arrays); counts and flag arguments in the ranges
//!   the interpreter's stack effects assume; `KW_NAMES` directly before a
//!   `CALL`/`CALL_METHOD`; `YIELD_VALUE` only in `GENERATOR` code.
//! - **Flow.** From instruction 0 (depth 0) and from every exception edge, the
//!   stack depth before each reachable instruction is the same on every path,
//!   an instruction never reads more items than are on the stack
//!   (`inputs`, which counts reads below the top such as `LIST_APPEND i`'s
//!   list or `DICT_MERGE`'s callable, not just the net effect), the depth
//!   never exceeds `stacksize` (the value stack is
//!   `slots[nlocals+ncells+nfree .. nslots]`), and no reachable instruction
//!   falls through past the end.
//! - **NULL.** The only stack entries that may be NULL are the ones
//!   `PUSH_NULL` and `LOAD_METHOD` make for `CALL_METHOD`; the verifier
//!   tracks which positions may hold one, requires the same set on every
//!   path, and rejects any instruction other than `CALL_METHOD` (in that
//!   slot), `POP_TOP` and the stack shuffles that would read one.
//! - **Exceptions.** Every entry has `start <= end <= len`, `handler < len`
//!   and `depth < stacksize` (the handler's pushed exception must fit).
//!   Exception edges follow the interpreter exactly: `unwind` takes the
//!   *first* entry covering `pc - 1` of the saved `pc`, cuts the stack to
//!   its depth and pushes the exception. The fault sites are each reachable
//!   instruction that can raise (with the stack cut by the items it popped
//!   before raising, `fault_floor`), instruction 0 (an exception pending
//!   when a frame starts), and each `JUMP_BACKWARD`, whose safe point saves
//!   `pc = target` and so raises "at" `target - 1`. At every fault site the
//!   entry's depth must not exceed the live stack (otherwise the handler
//!   would see stale slots, possibly NULL). The invariant documented in
//!   `bytecode.rs` (no entry deeper than the stack at an instruction it
//!   covers) is checked too, for the entry that applies. Handlers no fault
//!   can reach are not analysed.
//!
//! [`CodeFacts`] keeps the result (depth and possibly-NULL positions before
//! each instruction) and says which saved `(pc, depth)` pairs a frame may be
//! loaded with ([`CodeFacts::resume_ok`], [`Resume`]).
//!
//! # What the frame loader must check
//!
//! [`verify_code`] knows no heap values. A loader that builds a `Frame` for
//! verified code must establish the rest (each rule names the interpreter
//! code that relies on it):
//!
//! | field / slots | requirement |
//! |---|---|
//! | `code` | `Kind::Code`, its `CodeData` passed [`verify_code`] with the lengths of its own tuples; `consts`, `names`, `varnames`, `cellvars`, `freevars` are `Kind::Tuple`; `names`, `varnames`, `cellvars`, `freevars`, `name`, `qualname`, `filename` items are `Kind::Str` (`str_ref`, `dict_get_str`) |
//! | `nslots`, `stack_base` | `nslots == cd.nslots()`, `stack_base == nlocals + ncellvars + nfreevars` (slot macros, `unwind`) |
//! | `pc`, `sp` | `sp == stack_base + depth` with `(pc, depth)` accepted by [`CodeFacts::resume_ok_as`] for the frame's role (below) |
//! | slots `0 .. nlocals` | any Value, or NULL (unbound) |
//! | slots `nlocals .. stack_base` | every one `Kind::Cell` (`s4`/`set_s4` in `LOAD_DEREF`, `STORE_DEREF`, `DELETE_DEREF`, `LOAD_CLASSDEREF`; closures built by `LOAD_CLOSURE`) |
//! | slots `stack_base .. sp` | any Value; NULL only where [`CodeFacts::resume_slot_may_be_null`] allows |
//! | slots `sp .. nslots` | NULL (all slots are traced; none is read before it is written) |
//! | `globals` | `Kind::Dict` (`obj::<DictL>(globals).version` in `LOAD_GLOBAL`, `dict_get_str`, `dict_set`) |
//! | `locals` | NULL, or any heap object (`cls_of(locals)` in `*_NAME`); NULL for `OPTIMIZED` code |
//! | `back` | NULL for the tasklet's base frame, else the caller `Frame` |
//! | `ret_mode` | `NATIVE` for the base frame; `NORMAL` or `INIT` when the caller is in [`Resume::AfterCall`]; `FOR_ITER` when the caller is in [`Resume::ForIterCaller`] (`frame_return` reads `instrs[back.pc]` as the FOR_ITER and jumps to its argument; `frame_yield` steps past it); `SEND` when the caller is in [`Resume::SendCaller`] (likewise with the SEND, whose subgenerator on top `frame_return` replaces with the value) |
//! | `init_self` | non-NULL iff `ret_mode == INIT` (pushed on the caller) |
//! | `gen` | NULL, or `Kind::Generator` whose slot 0 is this frame; required for `GENERATOR` code (`frame_yield` does `set_s4(gen, ..)`) |
//! | `exc_save` | NULL, None, or an exception instance (a heap object whose class has `cf::EXC`) |
//! | `func`, `kwnames`, `lineno` | not read by the interpreter: NULL / any |
//!
//! A `Function` the loader builds needs `code` verified, `globals` a
//! `Kind::Dict`, and [`function_parts_ok`] (what `MAKE_FUNCTION` checks:
//! `bind_args` and `init_cells` take the defaults and the closure apart
//! without looking).
//!
//! Roles and the [`Resume`] state each frame must be in:
//!
//! - a tasklet's innermost frame (`TaskletL::frame`): [`Resume::AfterCall`]
//!   exactly when `tf::PUSH` is set (and then `tempval` is non-NULL: it is
//!   pushed, and a NULL is silently not pushed), otherwise
//!   [`Resume::SafePoint`] or [`Resume::Fresh`];
//! - every other frame of the chain: [`Resume::AfterCall`],
//!   [`Resume::ForIterCaller`] or [`Resume::SendCaller`], matching the
//!   `ret_mode` of the frame above;
//! - the frame of a `Generator` in state `CREATED`: [`Resume::Fresh`]; in
//!   state `SUSPENDED`: [`Resume::Yielded`]; `RUNNING` only for a frame of a
//!   tasklet's chain (entered by `FOR_ITER` or `SEND`, `ret_mode` FOR_ITER
//!   or SEND); `FINISHED`:
//!   never resumed (every resuming path checks the state first).
//! - `TaskletL::exc_info`: None, NULL or an exception instance
//!   ([`is_exception_instance`]; it becomes `vm.r.exc_info`, which
//!   `RAISE_VARARGS 0` re-raises).
//!
//! Values on the stack may otherwise be of any kind: every instruction that
//! assumes a kind of a stack operand checks it (the "Kind check" comments in
//! `interp.rs`: `KW_NAMES`, `BUILD_CONST_KEY_MAP`, `BUILD_STRING`,
//! `FORMAT_VALUE`'s spec, `LIST_APPEND`/`LIST_EXTEND`/`LIST_TO_TUPLE`,
//! `SET_ADD`/`SET_UPDATE`, `MAP_ADD`/`DICT_UPDATE`/`DICT_MERGE`,
//! `CALL_FUNCTION_EX`'s kwargs, `MAKE_FUNCTION`'s operands, `RERAISE`,
//! `PUSH_EXC_INFO`, `POP_EXCEPT`, `YIELD_VALUE`'s generator, `IMPORT_FROM`,
//! `IMPORT_STAR`, and the namespaces of `LOAD_CLASSDEREF` and
//! `SETUP_ANNOTATIONS`) and raises `SystemError` (or CPython's error where
//! plain Python can get there). Objects the loader builds must of course
//! obey their own layouts (an iterator's slots, a bound method's function, a
//! module's dict, a generator's state and frame), and `Builtin` objects must
//! never be built from bytes (their `fptr` is called).

use crate::bytecode::{BinOp, CmpOp, CodeFlags, Instr, Op};
use crate::code::CodeData;
use crate::compiler::assemble::{is_jump, is_terminal, stack_effect};
use crate::heap::{cls_of, code_data, kind_of, obj, tuple_slice, ClassL, Kind};
use crate::value::Value;

/// Upper bound on `nslots()` (locals, cells and value stack) of a verified
/// code object, so a small pickle cannot make every call allocate gigabytes
/// and every count argument fits the stack-effect arithmetic.
pub const MAX_SLOTS: u64 = 1 << 20;

/// Upper bound on the number of instructions (`pc` is saved as a u32).
pub const MAX_INSTRS: usize = 1 << 24;

/// Upper bound on stack entries that may be NULL at once. The compiler makes
/// one per enclosing method call still collecting arguments, and bracket
/// nesting stops at 200.
pub const MAX_NULLS: usize = 256;

const ALL_FLAGS: u32 = CodeFlags::OPTIMIZED
    | CodeFlags::NEWLOCALS
    | CodeFlags::VARARGS
    | CodeFlags::VARKEYWORDS
    | CodeFlags::NESTED
    | CodeFlags::GENERATOR
    | CodeFlags::CLASS_BODY;

/// What verification established about one code object.
#[derive(Clone, Debug)]
pub struct CodeFacts {
    /// Stack depth before each instruction; None when unreachable.
    depth: Vec<Option<u32>>,
    /// Stack positions (0 = bottom of the value stack) that may hold NULL
    /// before each instruction, sorted.
    nulls: Vec<Vec<u32>>,
    /// Instructions that a reachable JUMP_BACKWARD jumps to.
    backedge_target: Vec<bool>,
}

/// How a saved frame is going to be resumed; each accepts a different set of
/// `(pc, depth)` pairs (see [`CodeFacts::resume_ok_as`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Not started: `pc == 0`, `depth == 0`. A generator in state CREATED, or
    /// a frame that a CALL pushed and whose entry safe point switched the
    /// tasklet out. Resumed with nothing pushed.
    Fresh,
    /// Suspended in the call made by `instrs[pc-1]`, a reachable `CALL` or
    /// `CALL_METHOD`, with the callable and arguments already popped:
    /// `depth == depth_before(pc-1) + stack_effect - 1`, i.e. the depth after
    /// the call minus its result (the interpreter's `sp = reset`). Either a
    /// callee frame runs above it (callee `ret_mode` NORMAL or INIT: the
    /// result, or `init_self`, is pushed when it returns) or a blocking
    /// builtin switched the tasklet out softly (resumed by pushing
    /// `tempval`). `CALL_FUNCTION_EX` is not a resume point: it calls through
    /// `call_ex`, a nested loop, so a switch below it is hard.
    AfterCall,
    /// Switched out at the safe point of a `JUMP_BACKWARD`: `pc` is the
    /// target of a reachable `JUMP_BACKWARD` (the interpreter sets `pc`
    /// before polling) and `depth == depth_before(pc)`. Resumed with nothing
    /// pushed.
    SafePoint,
    /// Running a generator inline for `FOR_ITER`: `instrs[pc]` is a reachable
    /// `FOR_ITER` (the interpreter saves `pc` pointing at it) and
    /// `depth == depth_before(pc)` (the iterator still on top). The callee is
    /// the generator's frame with `ret_mode` FOR_ITER: when it yields, `pc`
    /// steps past the FOR_ITER and the value is pushed; when it returns, the
    /// iterator is popped and `pc` becomes the FOR_ITER's target.
    ForIterCaller,
    /// Running a generator inline for `SEND` (`yield from`): `instrs[pc]` is
    /// a reachable `SEND` and `depth == depth_before(pc) - 1` (the sent
    /// value popped, the subgenerator on top). The callee is the
    /// subgenerator's frame with `ret_mode` SEND: when it yields, `pc` steps
    /// past the SEND and the value is pushed; when it returns, its value
    /// replaces the subgenerator and `pc` becomes the SEND's target.
    SendCaller,
    /// A generator suspended at `instrs[pc-1]`, a reachable `YIELD_VALUE`,
    /// after popping the yielded value: `depth == depth_before(pc-1) - 1`.
    /// Resumed by pushing the sent value (`gen_resume`, the inline FOR_ITER
    /// path pushes None), or by raising at the YIELD_VALUE (`throw`), or,
    /// after `SEND; YIELD_VALUE`, by `gen_throw` replacing the subiterator on
    /// top and jumping to the SEND's target.
    Yielded,
}

impl CodeFacts {
    /// Stack depth before instruction `pc`, None if it is unreachable (or out
    /// of range).
    pub fn depth_before(&self, pc: usize) -> Option<u32> {
        self.depth.get(pc).copied().flatten()
    }

    /// Stack depth before every instruction (None: unreachable).
    pub fn depths(&self) -> &[Option<u32>] {
        &self.depth
    }

    /// Whether stack position `pos` (0 = bottom of the value stack) may hold
    /// NULL before instruction `pc`.
    pub fn may_be_null(&self, pc: usize, pos: usize) -> bool {
        let Ok(pos) = u32::try_from(pos) else { return false };
        self.nulls.get(pc).is_some_and(|n| n.binary_search(&pos).is_ok())
    }

    /// Whether a saved frame of this code may hold `(pc, depth)`: one of the
    /// [`Resume`] states. With `generator_suspended` (a generator in state
    /// SUSPENDED) only [`Resume::Yielded`]; otherwise [`Resume::Fresh`],
    /// [`Resume::AfterCall`], [`Resume::SafePoint`] or
    /// [`Resume::ForIterCaller`]. A loader that knows the frame's role (which
    /// it must, to check `ret_mode` and `tf::PUSH`) should use
    /// [`Self::resume_ok_as`]: the states differ in what is pushed on resume.
    pub fn resume_ok(&self, cd: &CodeData, pc: usize, depth: usize, generator_suspended: bool) -> bool {
        if generator_suspended {
            return self.resume_ok_as(cd, pc, depth, Resume::Yielded);
        }
        [Resume::Fresh, Resume::AfterCall, Resume::SafePoint, Resume::ForIterCaller, Resume::SendCaller]
            .into_iter()
            .any(|how| self.resume_ok_as(cd, pc, depth, how))
    }

    /// Whether `(pc, depth)` is the state `how` (see [`Resume`] for each).
    /// `cd` must be the code these facts were computed for.
    pub fn resume_ok_as(&self, cd: &CodeData, pc: usize, depth: usize, how: Resume) -> bool {
        let instr = |i: usize| cd.instrs.get(i).copied();
        match how {
            Resume::Fresh => pc == 0 && depth == 0,
            Resume::AfterCall => {
                let Some(i) = pc.checked_sub(1) else { return false };
                let (Some(ins), Some(d)) = (instr(i), self.depth_before(i)) else { return false };
                if !matches!(ins.op, Op::CALL | Op::CALL_METHOD) {
                    return false;
                }
                // depth after the call, minus the result not pushed yet.
                i64::try_from(depth).ok() == Some(i64::from(d) + i64::from(stack_effect(ins, false)) - 1)
            }
            Resume::SafePoint => {
                self.backedge_target.get(pc).copied().unwrap_or(false)
                    && self.depth_before(pc).map(|d| d as usize) == Some(depth)
            }
            Resume::ForIterCaller => {
                instr(pc).is_some_and(|ins| ins.op == Op::FOR_ITER)
                    && self.depth_before(pc).map(|d| d as usize) == Some(depth)
            }
            Resume::SendCaller => {
                instr(pc).is_some_and(|ins| ins.op == Op::SEND)
                    && self.depth_before(pc).is_some_and(|d| (d as usize).checked_sub(1) == Some(depth))
            }
            Resume::Yielded => {
                let Some(i) = pc.checked_sub(1) else { return false };
                let (Some(ins), Some(d)) = (instr(i), self.depth_before(i)) else { return false };
                ins.op == Op::YIELD_VALUE && depth.checked_add(1) == Some(d as usize)
            }
        }
    }

    /// For a frame saved in state `how` at `pc` (already accepted by
    /// [`Self::resume_ok_as`]): whether its value-stack entry `pos` may be
    /// NULL. The saved stack is a prefix of the stack before `instrs[pc-1]`
    /// (AfterCall, Yielded) or the stack before `instrs[pc]` (SafePoint,
    /// ForIterCaller, SendCaller); a Fresh frame has none.
    pub fn resume_slot_may_be_null(&self, pc: usize, how: Resume, pos: usize) -> bool {
        match how {
            Resume::Fresh => false,
            Resume::AfterCall | Resume::Yielded => pc.checked_sub(1).is_some_and(|i| self.may_be_null(i, pos)),
            Resume::SafePoint | Resume::ForIterCaller | Resume::SendCaller => self.may_be_null(pc, pos),
        }
    }
}

/// Checks a code object's Rust-side data against the lengths of its heap
/// tuples (`nconsts` = len(consts), and so on) and runs the flow analysis;
/// see the module docs for everything checked. The error says what is wrong
/// and where, e.g. `instruction 12 (LOAD_FAST 7): local slot out of range (3 locals)`.
/// Never panics, whatever `cd` holds.
pub fn verify_code(
    cd: &CodeData,
    nconsts: usize,
    nnames: usize,
    nvarnames: usize,
    ncellvars: usize,
    nfreevars: usize,
) -> Result<CodeFacts, String> {
    check_shape(cd, nvarnames, ncellvars, nfreevars)?;
    let n = cd.instrs.len();
    let counts = Counts {
        n,
        nconsts,
        nnames,
        nlocals: cd.nlocals as usize,
        ncells: ncellvars + nfreevars,
        generator: cd.flags & CodeFlags::GENERATOR != 0,
    };
    for (i, &ins) in cd.instrs.iter().enumerate() {
        check_arg(cd, i, ins, &counts)?;
    }
    let (facts, entry_of) = Flow::run(cd)?;
    for (i, &ins) in cd.instrs.iter().enumerate() {
        // The documented invariant (bytecode.rs), for the entry `unwind` uses.
        if let (Some(d), Some(k)) = (facts.depth[i], entry_of[i]) {
            let e = cd.exc_table[k as usize];
            if e.depth > d {
                return Err(format!("{}: exception entry {k} ({e:?}) is deeper than the stack ({d})", at(i, ins)));
            }
        }
        // gen_throw treats `SEND; YIELD_VALUE` as a yield-from whose
        // subiterator is on top and whose SEND target takes the result.
        if ins.op == Op::YIELD_VALUE && i > 0 && facts.depth[i].is_some()
            && cd.instrs[i - 1].op == Op::SEND && facts.depth[i - 1].is_none()
        {
            return Err(format!("{}: reachable YIELD_VALUE after an unreachable SEND", at(i, ins)));
        }
    }
    Ok(facts)
}

fn at(i: usize, ins: Instr) -> String {
    format!("instruction {i} ({} {})", ins.op.name(), ins.arg)
}

fn check_shape(cd: &CodeData, nvarnames: usize, ncellvars: usize, nfreevars: usize) -> Result<(), String> {
    let n = cd.instrs.len();
    if n == 0 {
        return Err("code has no instructions".into());
    }
    if n > MAX_INSTRS {
        return Err(format!("code has {n} instructions (at most {MAX_INSTRS})"));
    }
    for (what, len) in [("lines", cd.lines.len()), ("positions", cd.positions.len()), ("caches", cd.caches.len())] {
        if len != n {
            return Err(format!("{what} has {len} entries for {n} instructions"));
        }
    }
    if cd.nlocals as usize != nvarnames {
        return Err(format!("nlocals is {} but there are {nvarnames} varnames", cd.nlocals));
    }
    if cd.ncellvars as usize != ncellvars || cd.nfreevars as usize != nfreevars {
        return Err(format!(
            "cell counts ({} cellvars, {} freevars) do not match the names ({ncellvars}, {nfreevars})",
            cd.ncellvars, cd.nfreevars
        ));
    }
    let nslots = u64::from(cd.nlocals) + u64::from(cd.ncellvars) + u64::from(cd.nfreevars) + u64::from(cd.stacksize);
    if nslots > MAX_SLOTS {
        return Err(format!("frame needs {nslots} slots (at most {MAX_SLOTS})"));
    }
    if cd.flags & !ALL_FLAGS != 0 {
        return Err(format!("unknown code flags {:#x}", cd.flags & !ALL_FLAGS));
    }
    let nparams = u64::from(cd.argcount)
        + u64::from(cd.kwonlyargcount)
        + u64::from(cd.flags & CodeFlags::VARARGS != 0)
        + u64::from(cd.flags & CodeFlags::VARKEYWORDS != 0);
    if nparams > u64::from(cd.nlocals) {
        return Err(format!("{nparams} parameters but only {} locals", cd.nlocals));
    }
    if cd.posonlyargcount > cd.argcount {
        return Err(format!(
            "posonlyargcount {} exceeds argcount {}",
            cd.posonlyargcount, cd.argcount
        ));
    }
    for &(c, a) in &cd.cell2arg {
        if c >= cd.ncellvars || u64::from(a) >= nparams {
            return Err(format!(
                "cell2arg entry ({c}, {a}) out of range ({} cellvars, {nparams} parameters)",
                cd.ncellvars
            ));
        }
    }
    for (k, e) in cd.exc_table.iter().enumerate() {
        if e.start > e.end || e.end as usize > n || e.handler as usize >= n {
            return Err(format!("exception entry {k} ({e:?}) out of range ({n} instructions)"));
        }
        if e.depth >= cd.stacksize {
            return Err(format!(
                "exception entry {k} ({e:?}): depth leaves no room for the exception (stacksize {})",
                cd.stacksize
            ));
        }
    }
    Ok(())
}

struct Counts {
    n: usize,
    nconsts: usize,
    nnames: usize,
    nlocals: usize,
    ncells: usize,
    generator: bool,
}

fn check_arg(cd: &CodeData, i: usize, ins: Instr, k: &Counts) -> Result<(), String> {
    let a = ins.arg as u64;
    let bad = |what: String| Err(format!("{}: {what}", at(i, ins)));
    let count_ok = a <= MAX_SLOTS;
    match ins.op {
        Op::LOAD_CONST | Op::KW_NAMES if a >= k.nconsts as u64 => {
            return bad(format!("const index out of range ({} consts)", k.nconsts));
        }
        Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST if a >= k.nlocals as u64 => {
            return bad(format!("local slot out of range ({} locals)", k.nlocals));
        }
        Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF | Op::LOAD_CLOSURE | Op::LOAD_CLASSDEREF
            if a >= k.ncells as u64 =>
        {
            return bad(format!("cell index out of range ({} cells and free variables)", k.ncells));
        }
        Op::LOAD_GLOBAL
        | Op::STORE_GLOBAL
        | Op::DELETE_GLOBAL
        | Op::LOAD_NAME
        | Op::STORE_NAME
        | Op::DELETE_NAME
        | Op::LOAD_ATTR
        | Op::STORE_ATTR
        | Op::DELETE_ATTR
        | Op::LOAD_METHOD
        | Op::IMPORT_NAME
        | Op::IMPORT_FROM
            if a >= k.nnames as u64 =>
        {
            return bad(format!("name index out of range ({} names)", k.nnames));
        }
        Op::JUMP_BACKWARD if a > i as u64 => return bad("backward jump goes forward".into()),
        op if is_jump(op) && a >= k.n as u64 => {
            return bad(format!("jump target out of range ({} instructions)", k.n));
        }
        Op::COPY if !(1..=MAX_SLOTS).contains(&a) => return bad("COPY depth must be at least 1".into()),
        Op::SWAP if !(2..=MAX_SLOTS).contains(&a) => return bad("SWAP depth must be at least 2".into()),
        Op::BUILD_SLICE if a != 2 && a != 3 => return bad("slice arity must be 2 or 3".into()),
        Op::BINARY_OP => {
            let plain = BinOp::ALL.len() as u64;
            let off = u64::from(BinOp::INPLACE_OFFSET);
            if !(a < plain || (off..off + plain).contains(&a)) {
                return bad("unknown binary operator".into());
            }
        }
        Op::COMPARE_OP if a >= CmpOp::ALL.len() as u64 => return bad("unknown comparison".into()),
        Op::IS_OP | Op::CONTAINS_OP if a > 1 => return bad("argument must be 0 or 1".into()),
        Op::BUILD_TUPLE
        | Op::BUILD_LIST
        | Op::BUILD_SET
        | Op::BUILD_STRING
        | Op::BUILD_MAP
        | Op::BUILD_CONST_KEY_MAP
        | Op::UNPACK_SEQUENCE
        | Op::CALL
        | Op::CALL_METHOD
            if !count_ok =>
        {
            return bad("count too large".into());
        }
        Op::LIST_APPEND
        | Op::SET_ADD
        | Op::MAP_ADD
        | Op::LIST_EXTEND
        | Op::SET_UPDATE
        | Op::DICT_UPDATE
        | Op::DICT_MERGE
            if !(1..=MAX_SLOTS).contains(&a) =>
        {
            return bad("container depth must be at least 1".into());
        }
        Op::FORMAT_VALUE if a >= 8 => return bad("unknown format flags".into()),
        Op::UNPACK_EX if a > 0xffff => return bad("too many targets".into()),
        Op::CALL_FUNCTION_EX if a > 1 => return bad("argument must be 0 or 1".into()),
        Op::MAKE_FUNCTION if a >= 16 => return bad("unknown MAKE_FUNCTION flags".into()),
        Op::RAISE_VARARGS if a > 2 => return bad("argument must be 0, 1 or 2".into()),
        Op::YIELD_VALUE if !k.generator => return bad("yield outside a GENERATOR code object".into()),
        Op::KW_NAMES => {
            // The interpreter checks the tuple against the next CALL's count.
            let next = cd.instrs.get(i + 1).map(|x| x.op);
            if !matches!(next, Some(Op::CALL | Op::CALL_METHOD)) {
                return bad("KW_NAMES must be followed by CALL or CALL_METHOD".into());
            }
        }
        _ => {}
    }
    Ok(())
}

/// Stack items instruction `ins` reads: at least this many must be on the
/// stack before it. More than the net stack effect for instructions that
/// reach below what they pop (`ROT_*`, `COPY`, `SWAP`, `LIST_APPEND i`'s
/// list, `CALL_METHOD`'s method slot, `DICT_MERGE`'s callable for its
/// error message, `WITH_EXCEPT_START`'s exit function). The argument must
/// have passed `check_arg`.
pub(crate) fn inputs(ins: Instr) -> u64 {
    let n = u64::from(ins.arg);
    match ins.op {
        Op::NOP | Op::PUSH_NULL | Op::LOAD_ASSERTION_ERROR | Op::LOAD_BUILD_CLASS | Op::SETUP_ANNOTATIONS => 0,
        Op::LOAD_CONST
        | Op::LOAD_FAST
        | Op::LOAD_DEREF
        | Op::LOAD_CLOSURE
        | Op::LOAD_CLASSDEREF
        | Op::LOAD_GLOBAL
        | Op::LOAD_NAME => 0,
        Op::DELETE_FAST | Op::DELETE_DEREF | Op::DELETE_GLOBAL | Op::DELETE_NAME => 0,
        Op::JUMP | Op::JUMP_BACKWARD | Op::KW_NAMES => 0,
        Op::POP_TOP | Op::DUP_TOP => 1,
        Op::ROT_TWO | Op::DUP_TOP_TWO => 2,
        Op::ROT_THREE => 3,
        Op::ROT_FOUR => 4,
        Op::COPY | Op::SWAP => n,
        Op::STORE_FAST | Op::STORE_DEREF | Op::STORE_GLOBAL | Op::STORE_NAME => 1,
        Op::LOAD_ATTR | Op::DELETE_ATTR | Op::LOAD_METHOD => 1,
        Op::STORE_ATTR => 2,
        Op::BINARY_SUBSCR | Op::DELETE_SUBSCR => 2,
        Op::STORE_SUBSCR => 3,
        Op::BUILD_SLICE => n,
        Op::BINARY_OP | Op::COMPARE_OP | Op::IS_OP | Op::CONTAINS_OP => 2,
        Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_INVERT | Op::UNARY_NOT => 1,
        Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_STRING => n,
        Op::BUILD_MAP => 2 * n,
        Op::BUILD_CONST_KEY_MAP => n + 1,
        Op::LIST_APPEND | Op::SET_ADD | Op::LIST_EXTEND | Op::SET_UPDATE | Op::DICT_UPDATE => n + 1,
        Op::MAP_ADD => n + 2,
        Op::DICT_MERGE => n + 3,
        Op::LIST_TO_TUPLE => 1,
        Op::FORMAT_VALUE => 1 + u64::from(n & 4 != 0),
        Op::UNPACK_SEQUENCE | Op::UNPACK_EX => 1,
        Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE | Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => 1,
        Op::GET_ITER | Op::FOR_ITER | Op::RETURN_VALUE => 1,
        Op::CALL => n + 1,
        Op::CALL_METHOD => n + 2,
        Op::CALL_FUNCTION_EX => 2 + (n & 1),
        Op::MAKE_FUNCTION => 1 + u64::from((ins.arg & 15).count_ones()),
        Op::RAISE_VARARGS => n,
        Op::RERAISE | Op::PUSH_EXC_INFO | Op::POP_EXCEPT => 1,
        Op::CHECK_EXC_MATCH => 2,
        Op::BEFORE_WITH => 1,
        Op::WITH_EXCEPT_START => 3,
        Op::YIELD_VALUE | Op::GET_YIELD_FROM_ITER => 1,
        Op::SEND => 2,
        Op::IMPORT_NAME => 2,
        Op::IMPORT_FROM | Op::IMPORT_STAR => 1,
    }
}

/// Whether `ins` can raise an exception in its own frame and, if so, how
/// many items it has popped at most when it does: `unwind` runs with the
/// stack that deep below the instruction's entry depth. Mirrors interp.rs
/// (including the kind checks that raise SystemError); instructions that
/// cannot raise are None. Calls count all their inputs: the callee's
/// exception arrives after `sp = reset`. `JUMP_BACKWARD` is handled apart
/// (its safe point raises at the jump target).
pub(crate) fn fault_floor(ins: Instr) -> Option<u64> {
    let n = u64::from(ins.arg);
    Some(match ins.op {
        Op::NOP
        | Op::POP_TOP
        | Op::ROT_TWO
        | Op::ROT_THREE
        | Op::ROT_FOUR
        | Op::DUP_TOP
        | Op::DUP_TOP_TWO
        | Op::COPY
        | Op::SWAP
        | Op::PUSH_NULL
        | Op::LOAD_CONST
        | Op::STORE_FAST
        | Op::STORE_DEREF
        | Op::LOAD_CLOSURE
        | Op::BUILD_SLICE
        | Op::IS_OP
        | Op::BUILD_TUPLE
        | Op::BUILD_LIST
        | Op::JUMP
        | Op::JUMP_BACKWARD
        | Op::RETURN_VALUE
        | Op::LOAD_ASSERTION_ERROR => return None,
        Op::LOAD_FAST
        | Op::DELETE_FAST
        | Op::LOAD_DEREF
        | Op::LOAD_CLASSDEREF
        | Op::DELETE_DEREF
        | Op::LOAD_GLOBAL
        | Op::DELETE_GLOBAL
        | Op::LOAD_NAME
        | Op::DELETE_NAME
        | Op::LOAD_ATTR
        | Op::LOAD_METHOD
        | Op::UNARY_NEGATIVE
        | Op::UNARY_POSITIVE
        | Op::UNARY_INVERT
        | Op::UNARY_NOT
        | Op::BUILD_SET
        | Op::BUILD_MAP
        | Op::BUILD_STRING
        | Op::LIST_TO_TUPLE
        | Op::JUMP_IF_FALSE_OR_POP
        | Op::JUMP_IF_TRUE_OR_POP
        | Op::GET_ITER
        | Op::FOR_ITER
        | Op::KW_NAMES
        | Op::LOAD_BUILD_CLASS
        | Op::PUSH_EXC_INFO
        | Op::POP_EXCEPT
        | Op::BEFORE_WITH
        | Op::WITH_EXCEPT_START
        | Op::GET_YIELD_FROM_ITER
        | Op::IMPORT_FROM
        | Op::SETUP_ANNOTATIONS => 0,
        Op::STORE_GLOBAL
        | Op::STORE_NAME
        | Op::DELETE_ATTR
        | Op::BINARY_SUBSCR
        | Op::BINARY_OP
        | Op::COMPARE_OP
        | Op::CONTAINS_OP
        | Op::BUILD_CONST_KEY_MAP
        | Op::LIST_APPEND
        | Op::SET_ADD
        | Op::LIST_EXTEND
        | Op::SET_UPDATE
        | Op::DICT_UPDATE
        | Op::DICT_MERGE
        | Op::UNPACK_SEQUENCE
        | Op::UNPACK_EX
        | Op::POP_JUMP_IF_FALSE
        | Op::POP_JUMP_IF_TRUE
        | Op::RERAISE
        | Op::CHECK_EXC_MATCH
        | Op::YIELD_VALUE
        | Op::SEND
        | Op::IMPORT_STAR => 1,
        Op::STORE_ATTR | Op::DELETE_SUBSCR | Op::MAP_ADD | Op::IMPORT_NAME => 2,
        Op::STORE_SUBSCR => 3,
        Op::FORMAT_VALUE => u64::from(n & 4 != 0),
        Op::RAISE_VARARGS => n,
        Op::CALL | Op::CALL_METHOD | Op::CALL_FUNCTION_EX | Op::MAKE_FUNCTION => inputs(ins),
    })
}

/// The worklist flow analysis over (depth, possibly-NULL positions).
struct Flow<'a> {
    cd: &'a CodeData,
    depth: Vec<Option<u32>>,
    nulls: Vec<Vec<u32>>,
    work: Vec<usize>,
    /// For each instruction, the index of the first exception entry covering
    /// it (the one `unwind` uses).
    entry_of: Vec<Option<u32>>,
}

impl<'a> Flow<'a> {
    fn run(cd: &'a CodeData) -> Result<(CodeFacts, Vec<Option<u32>>), String> {
        let n = cd.instrs.len();
        let mut flow = Flow {
            cd,
            depth: vec![None; n],
            nulls: vec![Vec::new(); n],
            work: Vec::new(),
            entry_of: first_entries(cd),
        };
        flow.reach(None, 0, 0, Vec::new())?;
        // An exception pending when the frame starts (a safe point at function
        // entry, a tasklet killed before it ran) unwinds at instruction 0.
        flow.fault(None, 0, 0, &[])?;
        let mut backedge_target = vec![false; n];
        while let Some(pc) = flow.work.pop() {
            flow.step(pc, &mut backedge_target)?;
        }
        Ok((CodeFacts { depth: flow.depth, nulls: flow.nulls, backedge_target }, flow.entry_of))
    }

    /// Control reaches `to` with `d` items on the stack, `ns` of them maybe NULL.
    fn reach(&mut self, from: Option<usize>, to: usize, d: i64, ns: Vec<u32>) -> Result<(), String> {
        let cd = self.cd;
        let where_ = |what: String| match from {
            Some(i) => format!("{}: {what}", at(i, cd.instrs[i])),
            None => what,
        };
        let n = self.cd.instrs.len();
        if to >= n {
            return Err(where_("control falls off the end of the code".into()));
        }
        if d < 0 {
            return Err(where_("stack underflow".into()));
        }
        if d > i64::from(self.cd.stacksize) {
            return Err(where_(format!(
                "stack depth {d} exceeds stacksize {} (at instruction {to})",
                self.cd.stacksize
            )));
        }
        if ns.len() > MAX_NULLS {
            return Err(where_(format!("more than {MAX_NULLS} possibly-NULL stack entries")));
        }
        match self.depth[to] {
            None => {
                self.depth[to] = Some(d as u32);
                self.nulls[to] = ns;
                self.work.push(to);
            }
            Some(e) if i64::from(e) != d => {
                return Err(where_(format!("instruction {to} reached with stack depths {e} and {d}")));
            }
            Some(_) if self.nulls[to] != ns => {
                return Err(where_(format!(
                    "instruction {to} reached with different possibly-NULL entries ({:?} and {:?})",
                    self.nulls[to], ns
                )));
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// An exception raised while the frame's saved pc is `fault_pc + 1` (so
    /// `unwind` looks up `fault_pc`) with `live` items on the stack, `ns` of
    /// them maybe NULL.
    fn fault(&mut self, from: Option<usize>, fault_pc: usize, live: i64, ns: &[u32]) -> Result<(), String> {
        let Some(k) = self.entry_of[fault_pc] else { return Ok(()) };
        let e = self.cd.exc_table[k as usize];
        if i64::from(e.depth) > live {
            let site = match from {
                Some(i) => at(i, self.cd.instrs[i]),
                None => "frame entry".to_string(),
            };
            return Err(format!(
                "{site}: exception entry {k} ({e:?}) is deeper than the live stack ({live}) when it can raise"
            ));
        }
        let kept: Vec<u32> = ns.iter().copied().filter(|&p| p < e.depth).collect();
        self.reach(from, e.handler as usize, i64::from(e.depth) + 1, kept)
    }

    fn step(&mut self, pc: usize, backedge_target: &mut [bool]) -> Result<(), String> {
        let ins = self.cd.instrs[pc];
        let d = i64::from(self.depth[pc].expect("queued instructions are reached"));
        let ns = self.nulls[pc].clone();
        let err = |what: String| Err(format!("{}: {what}", at(pc, ins)));
        let need = inputs(ins) as i64;
        if need > d {
            return err(format!("stack underflow (needs {need} items, has {d})"));
        }
        let low = (d - need) as u32;
        // Which of the inputs may be NULL.
        let allowed_null = |p: u32| match ins.op {
            Op::POP_TOP | Op::ROT_TWO | Op::ROT_THREE | Op::ROT_FOUR | Op::DUP_TOP | Op::DUP_TOP_TWO
            | Op::COPY | Op::SWAP => true,
            Op::CALL_METHOD => p == low,
            _ => false,
        };
        if let Some(&p) = ns.iter().find(|&&p| p >= low && !allowed_null(p)) {
            return err(format!("stack entry {p} may be NULL here"));
        }
        if let Some(floor) = fault_floor(ins) {
            self.fault(Some(pc), pc, d - floor as i64, &ns)?;
        }
        // The possibly-NULL positions after the instruction.
        let below: Vec<u32> = ns.iter().copied().filter(|&p| p < low).collect();
        let has = |p: i64| ns.binary_search(&(p as u32)).is_ok();
        let shuffle = |order: &[i64]| -> Vec<u32> {
            let mut out = below.clone();
            for (j, &src) in order.iter().enumerate() {
                if has(d - need + src) {
                    out.push((d - need) as u32 + j as u32);
                }
            }
            out
        };
        let after = match ins.op {
            Op::ROT_TWO => shuffle(&[1, 0]),
            Op::ROT_THREE => shuffle(&[2, 0, 1]),
            Op::ROT_FOUR => shuffle(&[3, 0, 1, 2]),
            Op::DUP_TOP => shuffle(&[0, 0]),
            Op::DUP_TOP_TWO => shuffle(&[0, 1, 0, 1]),
            Op::COPY => {
                let mut out = ns.clone();
                if has(d - need) {
                    out.push(d as u32);
                }
                out
            }
            Op::SWAP => {
                let (a, b) = ((d - need) as u32, (d - 1) as u32);
                let mut out: Vec<u32> = ns.iter().copied().filter(|&p| p != a && p != b).collect();
                if has(i64::from(b)) {
                    out.push(a);
                }
                if has(i64::from(a)) {
                    out.push(b);
                }
                out.sort_unstable();
                out
            }
            Op::PUSH_NULL => {
                let mut out = ns.clone();
                out.push(d as u32);
                out
            }
            Op::LOAD_METHOD => {
                let mut out = below.clone();
                out.push(low);
                out
            }
            _ => below,
        };
        if ins.op == Op::JUMP_BACKWARD {
            let t = ins.arg as usize;
            backedge_target[t] = true;
            // The safe point saves pc = target, so `unwind` looks up target - 1.
            self.fault(Some(pc), t.saturating_sub(1), d, &after)?;
        }
        if is_jump(ins.op) {
            let (t, dj) = (ins.arg as usize, d + i64::from(stack_effect(ins, true)));
            // Jumps that pop (FOR_ITER, SEND, POP_JUMP_IF_*) leave only entries
            // below their inputs, which `after` already says for them.
            let nj: Vec<u32> = after.iter().copied().filter(|&p| i64::from(p) < dj).collect();
            self.reach(Some(pc), t, dj, nj)?;
        }
        if !is_terminal(ins.op) {
            let df = d + i64::from(stack_effect(ins, false));
            let nf: Vec<u32> = after.into_iter().filter(|&p| i64::from(p) < df).collect();
            self.reach(Some(pc), pc + 1, df, nf)?;
        }
        Ok(())
    }
}

/// For each instruction, the first exception entry whose range covers it
/// (`unwind` takes the first match). Painting each entry's range over the
/// instructions not yet painted, skipping painted runs through `next`, keeps
/// this near-linear however many entries overlap.
fn first_entries(cd: &CodeData) -> Vec<Option<u32>> {
    let n = cd.instrs.len();
    let mut entry_of = vec![None; n];
    // next[i]: the first unpainted index >= i (n when none), path-compressed.
    let mut next: Vec<usize> = (0..=n).collect();
    fn find(next: &mut [usize], mut i: usize) -> usize {
        let mut root = i;
        while next[root] != root {
            root = next[root];
        }
        while next[i] != root {
            let up = next[i];
            next[i] = root;
            i = up;
        }
        root
    }
    for (k, e) in cd.exc_table.iter().enumerate() {
        let end = (e.end as usize).min(n);
        let mut i = find(&mut next, (e.start as usize).min(n));
        while i < end {
            entry_of[i] = Some(k as u32);
            next[i] = i + 1;
            i = find(&mut next, i + 1);
        }
    }
    entry_of
}

// ---------------------------------------------------------------------------
// Kind checks on heap values, shared by the interpreter and loaders. They
// read the heap and never allocate.

/// Whether `v` is an exception instance: a heap object whose class has
/// `cf::EXC` (whatever its layout). A raised `PyErr`, `vm.r.exc_info`, a
/// generator frame's `exc_save` and a tasklet's `exc_info` hold one (or
/// None); `RERAISE`, `PUSH_EXC_INFO` and `POP_EXCEPT` check with this.
pub fn is_exception_instance(v: Value) -> bool {
    if !v.is_ref() {
        return false;
    }
    let c = cls_of(v);
    !c.is_null() && obj::<ClassL>(c).flags & crate::object::cf::EXC != 0
}

fn is_kind(v: Value, k: Kind) -> bool {
    v.is_ref() && kind_of(v) == k
}

/// Whether the parts of a function have the kinds `new_function`,
/// `bind_args` and `init_cells` assume: `code` a `Kind::Code`; `closure` a
/// tuple of exactly the code's free-variable count of `Kind::Cell`s (NULL
/// only when it has none); `defaults` NULL or a tuple no longer than its
/// positional parameters; `kwdefaults` NULL or a `Kind::Dict`.
/// `MAKE_FUNCTION` checks its operands with this; a loader building a
/// `Function` must check its fields the same way.
pub fn function_parts_ok(code: Value, closure: Value, defaults: Value, kwdefaults: Value) -> bool {
    if !is_kind(code, Kind::Code) {
        return false;
    }
    let cd = code_data(code);
    let nfree = cd.nfreevars as usize;
    let closure_ok = if closure.is_null() {
        nfree == 0
    } else {
        is_kind(closure, Kind::Tuple)
            && tuple_slice(closure).len() == nfree
            && tuple_slice(closure).iter().all(|&c| is_kind(c, Kind::Cell))
    };
    closure_ok
        && (defaults.is_null()
            || (is_kind(defaults, Kind::Tuple) && tuple_slice(defaults).len() <= cd.argcount as usize))
        && (kwdefaults.is_null() || is_kind(kwdefaults, Kind::Dict))
}

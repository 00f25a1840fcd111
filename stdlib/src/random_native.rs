//! The `_random` module: the Mersenne Twister (MT19937) behind `random`,
//! with CPython 3.11's seeding and output conventions, so that
//! `random.seed(n)` produces CPython's sequences. Also `_sha512`, used by
//! `random.seed` for str/bytes seeds (skiff has no `hashlib`).
//!
//! State layout. A generator's state is 624 32-bit words and an index, kept
//! in a `bytearray` of `STATE_BYTES` bytes stored under a hidden member key
//! of the `Random` instance (the VM's storage rule forbids keeping it in a
//! Rust structure, and plain bytes need no tracing):
//!
//! ```text
//!   bytes 0 .. 2496      mt[0..624], each u32 little-endian
//!   bytes 2496 .. 2500   index (0..=624) of the next word to temper, u32 LE
//! ```
//!
//! An index of 624 means "twist before the next output" (the state right
//! after seeding). The buffer is created on first use, seeded from the OS,
//! so an instance made without `__init__` is still usable.
//!
//! CPython conventions reproduced here (from the documented behaviour of
//! `random.seed`, `getrandbits` and `getstate`):
//! - an int seed uses its absolute value, split into 32-bit words, least
//!   significant first, fed to the reference `init_by_array` (zero is one
//!   zero word); other seeds use `hash(seed)` as an unsigned 64-bit number;
//! - `random()` takes two words, `a >> 5` and `b >> 6`, and returns
//!   `(a * 2**26 + b) / 2**53`;
//! - `getrandbits(k)` for `k <= 32` returns the top `k` bits of one word;
//!   for larger `k` the first word generated is the least significant, and
//!   the last (most significant) word keeps only its top `k mod 32` bits;
//! - `getstate()` is a tuple of the 624 words followed by the index.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};
use skiff_vm::call::ArgParser;
use skiff_vm::heap::*;
use skiff_vm::types::int::index_bigint;
use skiff_vm::{Exc, NativeFn, PyResult, Ty, Value, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;
const STATE_BYTES: usize = 4 * N + 4;
/// The hidden member key the state buffer is stored under.
const STATE_KEY: &str = "\0_random.state";

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    let object = vm.ty(Ty::Object);
    let cls = vm.new_native_class("Random", object, Kind::Instance, "_random");
    let methods: &[(&str, NativeFn)] = &[
        ("__init__", r_init), ("seed", r_seed), ("random", r_random), ("getrandbits", r_getrandbits),
        ("getstate", r_getstate), ("setstate", r_setstate),
    ];
    for &(n, f) in methods { vm.add_method(cls, n, f); }
    vm.dict_set_str(d, "Random", cls);
    vm.add_module_fn(d, "_sha512", m_sha512);
    Ok(())
}

// -- the generator (reference MT19937) -------------------------------------------

/// A generator's state, copied out of its buffer for the duration of a call.
struct Mt { mt: [u32; N], index: usize }

impl Mt {
    /// The reference `init_genrand`.
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// The reference `init_by_array`.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N { self.mt[0] = self.mt[N - 1]; i = 1; }
            if j >= key.len() { j = 0; }
        }
        for _ in 0..N - 1 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N { self.mt[0] = self.mt[N - 1]; i = 1; }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for k in 0..N {
            let y = (self.mt[k] & UPPER_MASK) | (self.mt[(k + 1) % N] & LOWER_MASK);
            self.mt[k] = self.mt[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// The reference `genrand_int32`: the next tempered word.
    fn next_u32(&mut self) -> u32 {
        if self.index >= N { self.twist(); }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

// -- the state buffer ------------------------------------------------------------

/// The state buffer's bytes (a RawArray inside the instance's bytearray).
/// The slice stays valid while `this` is alive: the heap does not move.
fn state_bytes<'a>(vm: &mut Vm, this: Value) -> &'a mut [u8] {
    let key = vm.intern(STATE_KEY);
    let ba = match vm.instance_get(this, key) {
        Some(b) if b.is_ref() && kind_of(b) == Kind::ByteArray && obj::<ByteArrayL>(b).len == STATE_BYTES => b,
        _ => {
            // First use (or a clobbered buffer): seed from the OS.
            let mut mt = Mt { mt: [0; N], index: N };
            mt.init_by_array(&os_seed_words());
            let b = vm.new_bytearray(&[0; STATE_BYTES]);
            // Setting a member key on an instance cannot fail.
            let _ = vm.instance_set(this, key, b);
            store(raw_array_bytes(obj::<ByteArrayL>(b).data), &mt);
            b
        }
    };
    &mut raw_array_bytes(obj::<ByteArrayL>(ba).data)[..STATE_BYTES]
}

fn word(b: &[u8], i: usize) -> u32 { u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]) }
fn set_word(b: &mut [u8], i: usize, w: u32) { b[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes()); }

fn load(b: &[u8]) -> Mt {
    let mut mt = Mt { mt: [0; N], index: word(b, N) as usize };
    for (i, w) in mt.mt.iter_mut().enumerate() { *w = word(b, i); }
    mt
}
fn store(b: &mut [u8], mt: &Mt) {
    for (i, &w) in mt.mt.iter().enumerate() { set_word(b, i, w); }
    set_word(b, N, mt.index as u32);
}

/// The next tempered word of the generator in buffer `b`. Only the word at
/// the index and the index itself change, except when the state twists.
fn next_word(b: &mut [u8]) -> u32 {
    let index = word(b, N) as usize;
    if index >= N {
        let mut mt = load(b);
        let w = mt.next_u32();
        store(b, &mt);
        return w;
    }
    let mut y = word(b, index);
    set_word(b, N, index as u32 + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

/// 624 words from the OS, as CPython seeds `seed(None)`; the time and the
/// process id mixed through a 64-bit generator where /dev/urandom is missing.
fn os_seed_words() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; 4 * N];
    if std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok() {
        return buf.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    }
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos() as u64;
    let mut x = t ^ ((std::process::id() as u64) << 32);
    (0..N).map(|_| {
        // splitmix64
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) as u32
    }).collect()
}

// -- methods -----------------------------------------------------------------------

/// Whether `cls` is `_random.Random` or a subclass of it.
fn is_random_class(cls: Value) -> bool {
    let mro = obj::<ClassL>(cls).mro;
    let is_it = |c: Value| {
        let o = obj::<ClassL>(c);
        str_ref(o.name) == "Random" && o.module.is_ref() && kind_of(o.module) == Kind::Str && str_ref(o.module) == "_random"
    };
    if mro.is_null() { return is_it(cls); }
    tuple_slice(mro).iter().any(|&c| is_it(c))
}

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if v.is_ref() && kind_of(v) == Kind::Instance && is_random_class(cls_of(v)) => Ok(v),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' for '_random.Random' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method Random.{name}() needs an argument"))),
    }
}

/// Parses `(self, args...)` with between `min` and `max` positional
/// arguments after self and no keywords.
fn parse<'a>(vm: &mut Vm, name: &'a str, args: &'a [Value], kwnames: Value, min: usize, max: usize) -> PyResult<(Value, ArgParser<'a>)> {
    let s = this(vm, args, name)?;
    let p = ArgParser::new(name, &args[1..], kwnames);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("Random.{name}() takes no keyword arguments")));
    }
    let n = p.pos.len();
    if n < min || n > max {
        let msg = match (min, max) {
            (0, 0) => format!("Random.{name}() takes no arguments ({n} given)"),
            (1, 1) => format!("Random.{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" }),
        };
        return Err(vm.new_exc(Exc::TypeError, &msg));
    }
    Ok((s, p))
}

/// `Random(x=None)`: seeds the generator (subclasses usually override it).
fn r_init(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "__init__")?;
    let p = ArgParser::new("Random", &args[1..], kwnames);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "Random() takes no keyword arguments"));
    }
    if p.pos.len() > 1 {
        return Err(vm.new_exc(Exc::TypeError, "Random() requires 0 or 1 argument"));
    }
    seed(vm, s, p.pos.first().copied().unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn r_seed(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (s, p) = parse(vm, "seed", args, kwnames, 0, 1)?;
    seed(vm, s, p.pos.first().copied().unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn seed(vm: &mut Vm, s: Value, arg: Value) -> PyResult<()> {
    let key: Vec<u32> = if arg == Value::NONE {
        os_seed_words()
    } else {
        let n = if vm.is_int_like(arg) {
            index_bigint(vm, arg)?.abs()
        } else {
            // CPython converts the hash to an unsigned machine word.
            BigInt::from(vm.hash(arg)? as u64)
        };
        let (_, words) = n.to_u32_digits();
        if words.is_empty() { vec![0] } else { words }
    };
    let mut mt = Mt { mt: [0; N], index: N };
    mt.init_by_array(&key);
    let b = state_bytes(vm, s);
    store(b, &mt);
    Ok(())
}

fn r_random(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (s, _) = parse(vm, "random", args, kwnames, 0, 0)?;
    let b = state_bytes(vm, s);
    let a = next_word(b) >> 5;
    let c = next_word(b) >> 6;
    Ok(vm.new_float((a as f64 * 67_108_864.0 + c as f64) * (1.0 / 9_007_199_254_740_992.0)))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (s, p) = parse(vm, "getrandbits", args, kwnames, 1, 1)?;
    let kv = p.pos[0];
    if kv.is_ref() && kind_of(kv) == Kind::Float {
        return Err(vm.new_exc(Exc::TypeError, "'float' object cannot be interpreted as an integer"));
    }
    let kb = index_bigint(vm, kv)?;
    let Some(k) = kb.to_i32() else {
        let msg = if kb.is_negative() { "Python int too small to convert to C int" } else { "Python int too large to convert to C int" };
        return Err(vm.new_exc(Exc::OverflowError, msg));
    };
    if k < 0 {
        return Err(vm.new_exc(Exc::ValueError, "number of bits must be non-negative"));
    }
    if k == 0 { return Ok(Value::small(0)); }
    let b = state_bytes(vm, s);
    if k <= 32 {
        return Ok(vm.new_int((next_word(b) >> (32 - k)) as i64));
    }
    let nwords = (k as usize - 1) / 32 + 1;
    let mut words = Vec::with_capacity(nwords);
    let mut left = k;
    for _ in 0..nwords {
        let mut w = next_word(b);
        if left < 32 { w >>= 32 - left; }
        words.push(w);
        left -= 32;
    }
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

fn r_getstate(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (s, _) = parse(vm, "getstate", args, kwnames, 0, 0)?;
    let b = state_bytes(vm, s);
    // Words are below 2**32: small ints, so filling needs no allocation.
    let t = vm.alloc_tuple(N + 1);
    for i in 0..=N { tuple_init(t, i, Value::small(word(b, i) as i64)); }
    Ok(t)
}

fn r_setstate(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (s, p) = parse(vm, "setstate", args, kwnames, 1, 1)?;
    let st = p.pos[0];
    if !(st.is_ref() && kind_of(st) == Kind::Tuple) {
        return Err(vm.new_exc(Exc::TypeError, "state vector must be a tuple"));
    }
    // Items are read from the tuple (a local, so kept in place by the
    // conservative scan) each time: `__index__` may run Python code.
    let items = tuple_slice(st);
    if items.len() != N + 1 {
        return Err(vm.new_exc(Exc::ValueError, "state vector is the wrong size"));
    }
    let mut mt = Mt { mt: [0; N], index: N };
    for (i, &x) in items[..N].iter().enumerate() {
        // CPython reads each word as an unsigned long and keeps 32 bits.
        if !vm.is_int_like(x) {
            return Err(vm.new_exc(Exc::TypeError, "an integer is required"));
        }
        let v = index_bigint(vm, x)?;
        if v.is_negative() {
            return Err(vm.new_exc(Exc::OverflowError, "can't convert negative value to unsigned int"));
        }
        let Some(u) = v.to_u64() else {
            return Err(vm.new_exc(Exc::OverflowError, "Python int too large to convert to C unsigned long"));
        };
        mt.mt[i] = u as u32;
    }
    let last = items[N];
    if !vm.is_int_like(last) {
        let tn = vm.type_name(last);
        return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let idx = index_bigint(vm, last)?;
    let Some(idx) = idx.to_i64() else {
        return Err(vm.new_exc(Exc::OverflowError, "Python int too large to convert to C long"));
    };
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.new_exc(Exc::ValueError, "invalid state"));
    }
    mt.index = idx as usize;
    let b = state_bytes(vm, s);
    store(b, &mt);
    Ok(Value::NONE)
}

// -- SHA-512 (FIPS 180-4) -----------------------------------------------------------

/// `_sha512(data)`: the SHA-512 digest of a bytes-like object, as bytes.
fn m_sha512(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("_sha512", args, kwnames);
    p.expect(vm, 1, 1)?;
    let Some(data) = vm.bytes_like(p.pos[0]) else {
        let tn = vm.type_name(p.pos[0]);
        return Err(vm.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")));
    };
    Ok(vm.new_bytes(&sha512(&data)))
}

const K512: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    // Padding: 0x80, zeros, then the bit length as a 128-bit big-endian number.
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 128 != 112 { msg.push(0); }
    msg.extend_from_slice(&((data.len() as u128) * 8).to_be_bytes());
    for block in msg.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (t, c) in block.chunks_exact(8).enumerate() {
            w[t] = u64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[t]).wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g; g = f; f = e;
            e = d.wrapping_add(t1);
            d = c; c = b; b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) { *x = x.wrapping_add(y); }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() { out[8 * i..8 * i + 8].copy_from_slice(&x.to_be_bytes()); }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String { b.iter().map(|x| format!("{x:02x}")).collect() }

    #[test]
    fn sha512_known_answers() {
        assert_eq!(hex(&sha512(b"abc")), "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        assert_eq!(&hex(&sha512(b""))[..16], "cf83e1357eefb8bd");
    }

    #[test]
    fn mt19937_reference_output() {
        // The reference implementation's published test: init_by_array
        // {0x123, 0x234, 0x345, 0x456} starts 1067595299 955945823 477289528.
        let mut mt = Mt { mt: [0; N], index: N };
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        assert_eq!([mt.next_u32(), mt.next_u32(), mt.next_u32()], [1067595299, 955945823, 477289528]);
    }
}

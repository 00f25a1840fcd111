//! A randomized test driver: thousands of random graph mutations against a
//! collector, checked against a shadow model of the object graph.
//!
//! The shadow model knows every object the collector may still hold (by id:
//! each mock object stores its id), its kind and edges, the root slots (kept
//! parallel to the mock VM's), the conservatively held objects (interior
//! pointers in a buffer registered as a conservative range) and each
//! object's finalizer state. The heap itself is only ever reached the way a
//! VM reaches it: from the roots, so the driver works for moving collectors
//! too. The checks:
//!
//! - after every allocation and collection, a walk from the roots (and the
//!   conservatively held objects) finds every object the model says is
//!   reachable, with the right id, kind and edges;
//! - no drop hook ever runs for a *protected* object: one reachable from the
//!   roots, the conservative buffer, or a registered, not yet handed out
//!   finalizable object; no drop hook runs twice;
//! - a finalizable object is handed out at most once, only once unreachable,
//!   with FINALIZED set and its subgraph intact;
//! - in `exact` mode (no collections but the explicit ones), each explicit
//!   collection frees exactly the unprotected objects and queues exactly the
//!   registered objects unreachable from the roots.
//!
//! [`run_random_with`] takes [`RunOptions`] on top: e.g. allocating some
//! objects through the plugin's inline (bump-pointer) path, as the VM does.
//!
//! A conservative collector (bdwgc) may keep any unreachable object alive, so
//! it runs without `exact`: the checks that remain are exactly the ones that
//! must hold for it (reachable objects intact, no drop hook for a protected
//! object nor twice for any, finalizable objects handed out at most once and
//! never while reachable). [`RunOptions::lazy_drops`],
//! [`RunOptions::id_space`] and [`RunOptions::drain_queue`] cover the rest of
//! its behaviour: drop hooks run by a lazy sweep during later allocations, a
//! heap shared by every run in the process, and a final count of the
//! objects it queued.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use skiff_gc::{flags, GcConfig, GcPlugin, Header};

use super::{take_dropped, MockVm, Rng, KIND_ARRAY, KIND_BLOB, KIND_LEAF, KIND_NODE, NODE_FIELDS};

/// Optional behaviour of a randomized run (the defaults are
/// [`run_random`]'s).
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Allocate Blobs and some Nodes (as [`super::PLAIN_NODE`], without a
    /// drop hook) through the plugin's inline allocation path when it
    /// offers one ([`MockVm::try_alloc_inline`]), falling back to `alloc`
    /// as the VM does.
    pub inline_alloc: bool,
    /// The occasional large Array gets this many items and more (up to 40),
    /// and the occasional large Blob this many words, instead of 260 and
    /// 400: e.g. to make them large enough for a plugin's old generation.
    pub large_len: Option<usize>,
    /// Take the identity ([`GcPlugin::stable_address`]) of some objects
    /// when they are allocated or found in a walk, and check at every walk
    /// that it has not changed and that no other reachable object is at
    /// that address.
    pub identities: bool,
    /// The percentage of new objects (but Blobs) registered for
    /// finalization, instead of 12.
    pub finalizer_percent: Option<usize>,
    /// Drop hooks may also run during an allocation that starts no
    /// collection (a collector that sweeps lazily, like bdwgc, frees the
    /// objects an earlier collection found dead there). They are checked
    /// like those of a collection: against the protected set before the
    /// allocation (an object unprotected once stays so, so this is the set
    /// at the collection that found it dead, or a smaller one), then the
    /// heap is walked. Without this option such a drop hook fails the run.
    pub lazy_drops: bool,
    /// Number this run's objects `(space << 32) + 1, ...` and ignore (count
    /// in [`RunSummary::foreign_dropped`]) the drop hooks of objects whose
    /// ids are in another space: the garbage of earlier runs, which a
    /// collector whose heap outlives the plugin (bdwgc: one heap per
    /// process) may free during this one. Runs sharing a heap need distinct
    /// spaces. Without this option ids start at 1 and every drop hook is
    /// checked.
    pub id_space: Option<u32>,
    /// After the final collection, take everything still queued for
    /// finalization off the queue (each object checked as any other handed
    /// out), so that [`RunSummary::finalized`] counts every object the
    /// plugin queued: a test can compare it with
    /// [`RunSummary::finalizers_queued`].
    pub drain_queue: bool,
}

/// A multiplicative hash for the model's integer keys (SipHash dominated the
/// run time of this driver in debug builds).
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<IdHasher>>;
type HashSet<K> = StdHashSet<K, BuildHasherDefault<IdHasher>>;

/// Parameters of one randomized run.
pub struct RandomRun {
    pub seed: u64,
    pub steps: usize,
    /// Exact checks at explicit collections; requires a configuration in
    /// which the plugin never collects on its own (no stress mode, a heap
    /// far below the first trigger).
    pub exact: bool,
    pub config: GcConfig,
}

/// What a run did, for the test to print or assert on.
#[derive(Debug, Default)]
pub struct RunSummary {
    pub allocated: usize,
    pub explicit_collections: usize,
    pub collections: u64,
    pub dropped: usize,
    pub finalized: usize,
    pub resurrected: usize,
    pub max_objects: usize,
    /// Objects the inline allocation path took ([`RunOptions::inline_alloc`]).
    pub inline_allocated: usize,
    /// Of `dropped`, those whose drop hook ran during an allocation that
    /// started no collection ([`RunOptions::lazy_drops`]).
    pub lazy_dropped: usize,
    /// Drop hooks of other runs' objects, ignored ([`RunOptions::id_space`]).
    pub foreign_dropped: usize,
    /// The plugin's [`skiff_gc::GcStats::finalizers_queued`] at the end.
    pub finalizers_queued: u64,
    /// Objects with drop hooks, unprotected, whose hook had not run after
    /// the final collection: what a conservative collector kept, what a
    /// lazily sweeping one found dead but has not swept yet, and what that
    /// collection queued and the driver then handed out without
    /// resurrecting it.
    pub unfreed_at_end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fin {
    None,
    Registered,
    HandedOut,
}

struct Obj {
    kind: u32,
    /// `stable_address` when it was first taken ([`RunOptions::identities`]).
    identity: Option<usize>,
    /// Whether its type has a drop hook (whose run tells that it was freed).
    drops: bool,
    edges: Vec<Option<u64>>,
    fin: Fin,
}

const PIN_SLOTS: usize = 8;

struct Driver<'a> {
    vm: &'a MockVm,
    rng: Rng,
    exact: bool,
    options: RunOptions,
    shadow: HashMap<u64, Obj>,
    /// Parallel to the VM's precise root slots.
    root_ids: Vec<u64>,
    /// The conservative range: interior pointers written by the test.
    pins: Box<[u64; PIN_SLOTS]>,
    pin_ids: [Option<u64>; PIN_SLOTS],
    /// The objects the pins point into (pinned objects never move).
    pin_objs: [*mut Header; PIN_SLOTS],
    /// Registered objects that were unreachable at some allocation or
    /// collection, and so may have been queued. (Once unreachable, such an
    /// object becomes reachable again only if the VM resurrects another
    /// queued object that reaches it, so reachability when it is handed out
    /// proves nothing.)
    may_queue: HashSet<u64>,
    /// `reachable()` as of the last mutation of roots, pins or edges.
    reach: Option<Rc<HashSet<u64>>>,
    /// `protected()`, cached the same way.
    prot: Option<Rc<HashSet<u64>>>,
    /// Addresses of the reachable objects as of the last walk.
    addr: HashMap<u64, *mut Header>,
    next_id: u64,
    summary: RunSummary,
}

/// Runs `run.steps` random mutations against a fresh plugin from `make`.
pub fn run_random(make: &dyn Fn(GcConfig) -> Box<dyn GcPlugin>, run: RandomRun) -> RunSummary {
    run_random_with(make, run, RunOptions::default())
}

/// [`run_random`] with [`RunOptions`].
pub fn run_random_with(make: &dyn Fn(GcConfig) -> Box<dyn GcPlugin>, run: RandomRun, options: RunOptions) -> RunSummary {
    let vm = MockVm::new(make(run.config.clone()));
    take_dropped();
    let first_id = options.id_space.map_or(1, |space| ((space as u64) << 32) + 1);
    let mut d = Driver {
        vm: &vm,
        rng: Rng(run.seed),
        exact: run.exact,
        options,
        shadow: HashMap::default(),
        root_ids: Vec::new(),
        pins: Box::new([0; PIN_SLOTS]),
        pin_ids: [None; PIN_SLOTS],
        pin_objs: [std::ptr::null_mut(); PIN_SLOTS],
        may_queue: HashSet::default(),
        reach: None,
        prot: None,
        addr: HashMap::default(),
        next_id: first_id,
        summary: RunSummary::default(),
    };
    vm.add_range(&d.pins[..]);
    for step in 0..run.steps {
        d.step(step);
        d.summary.max_objects = d.summary.max_objects.max(d.shadow.len());
    }
    d.explicit_collect(run.steps);
    let protected = d.protected();
    d.summary.unfreed_at_end = d.shadow.iter().filter(|(id, o)| o.drops && !protected.contains(id)).count();
    if d.options.drain_queue {
        while let Some(obj) = vm.pop_finalizable() {
            d.handed_out(obj, run.steps);
        }
    }
    let stats = vm.stats();
    d.summary.collections = stats.collections;
    d.summary.finalizers_queued = stats.finalizers_queued;
    vm.clear_ranges();
    d.summary
}

impl Driver<'_> {
    fn step(&mut self, step: usize) {
        // Keep the graph a few hundred objects large.
        let crowded = self.root_ids.len() > 24;
        match self.rng.below(100) {
            0..=29 => self.alloc(step),
            30..=46 => self.link(),
            47..=61 => self.unlink(),
            62..=71 if crowded => {
                self.unroot();
                self.unlink();
            }
            62..=71 => self.unroot(),
            72..=74 if !crowded => self.reroot(),
            72..=74 => self.unroot(),
            75..=79 => self.pin(),
            80..=84 => self.unpin(),
            85..=91 => self.pop_one(step),
            92..=94 => self.explicit_collect(step),
            _ => self.unroot(),
        }
    }

    fn closure(&self, starts: impl IntoIterator<Item = u64>) -> HashSet<u64> {
        let mut seen = HashSet::default();
        let mut todo: Vec<u64> = starts.into_iter().collect();
        while let Some(id) = todo.pop() {
            if seen.insert(id) {
                let obj = self.shadow.get(&id).unwrap_or_else(|| panic!("model: edge to unknown id {id}"));
                todo.extend(obj.edges.iter().flatten().copied());
            }
        }
        seen
    }

    /// Objects reachable from the roots and pins (cached until the next
    /// mutation: every mutation calls `changed`).
    fn reachable(&mut self) -> Rc<HashSet<u64>> {
        if self.reach.is_none() {
            let set = self.closure(self.root_ids.iter().copied().chain(self.pin_ids.iter().flatten().copied()));
            self.reach = Some(Rc::new(set));
        }
        self.reach.clone().unwrap()
    }

    /// Invalidates the cached reachable and protected sets.
    fn changed(&mut self) {
        self.reach = None;
        self.prot = None;
    }

    /// Called before every allocation and collection.
    fn note_queueable(&mut self) {
        let reachable = self.reachable();
        for (&id, o) in &self.shadow {
            if o.fin == Fin::Registered && !reachable.contains(&id) {
                self.may_queue.insert(id);
            }
        }
    }

    /// Objects no collection may free: reachable from the roots, the pins
    /// or a registered finalizable object not yet handed out.
    fn protected(&mut self) -> Rc<HashSet<u64>> {
        if self.prot.is_none() {
            let registered = self.shadow.iter().filter(|(_, o)| o.fin == Fin::Registered).map(|(&id, _)| id);
            let set = self.closure(
                self.root_ids.iter().copied().chain(self.pin_ids.iter().flatten().copied()).chain(registered),
            );
            self.prot = Some(Rc::new(set));
        }
        self.prot.clone().unwrap()
    }

    /// Checks the drops since the last check against the protected set as it
    /// was before the allocation or collection, then walks the heap.
    fn after_gc_point(&mut self, protected: &HashSet<u64>, what: &str) {
        let dropped = self.take_own_dropped();
        self.check_dropped(dropped, protected, what);
        self.walk(what);
    }

    /// The drop hooks run since the last call, less those of other runs'
    /// objects when [`RunOptions::id_space`] is set (counted and forgotten).
    fn take_own_dropped(&mut self) -> Vec<u64> {
        let mut dropped = take_dropped();
        if let Some(space) = self.options.id_space {
            let before = dropped.len();
            dropped.retain(|&id| id >> 32 == space as u64);
            self.summary.foreign_dropped += before - dropped.len();
        }
        dropped
    }

    /// No protected object was dropped, none twice; forgets the dropped ones.
    fn check_dropped(&mut self, dropped: Vec<u64>, protected: &HashSet<u64>, what: &str) {
        for id in dropped {
            assert!(!protected.contains(&id), "{what}: dropped protected object {id}");
            assert!(self.shadow.remove(&id).is_some(), "{what}: dropped unknown or already dropped object {id}");
            self.summary.dropped += 1;
        }
    }

    /// Walks the real heap from the roots and pins, checking every object
    /// against the model, and records the reachable objects' addresses.
    fn walk(&mut self, what: &str) {
        let mut todo: Vec<(u64, *mut Header)> = Vec::new();
        for (i, &id) in self.root_ids.iter().enumerate() {
            todo.push((id, self.vm.root(i)));
        }
        for (k, pin) in self.pin_ids.iter().enumerate() {
            if let Some(id) = pin {
                // Pinned objects do not move: the address recorded when the
                // pin was made is still the object's.
                todo.push((*id, self.pin_objs[k]));
            }
        }
        self.addr.clear();
        let mut addr = std::mem::take(&mut self.addr);
        self.check_from(todo, &mut addr, what);
        self.addr = addr;
        let reachable = self.reachable();
        assert_eq!(reachable.len(), self.addr.len(), "{what}: walk found a different object set than the model");
        if self.options.identities {
            self.check_identities(what);
        }
    }

    /// Identities taken earlier are unchanged and belong to no other
    /// reachable object; some more are taken.
    fn check_identities(&mut self, what: &str) {
        let mut ids: Vec<u64> = self.addr.keys().copied().collect();
        ids.sort_unstable();
        let mut owner: HashMap<usize, u64> = HashMap::default();
        for &id in &ids {
            let obj = self.addr[&id];
            // SAFETY: reachable objects are live objects of the heap.
            let now = unsafe { self.vm.gc.stable_address(obj) };
            let model = self.shadow.get_mut(&id).expect("walked objects are in the model");
            match model.identity {
                Some(was) => assert_eq!(now, was, "{what}: the identity of object {id} changed"),
                None if self.rng.chance(10) => model.identity = Some(now),
                None => continue,
            }
            if let Some(other) = owner.insert(now, id) {
                panic!("{what}: objects {other} and {id} share the identity {now:#x}");
            }
        }
        for &id in &ids {
            let a = self.addr[&id] as usize;
            if let Some(&other) = owner.get(&a) {
                assert_eq!(other, id, "{what}: object {id} sits at object {other}'s identity {a:#x}");
            }
        }
    }

    fn check_from(&self, mut todo: Vec<(u64, *mut Header)>, addr: &mut HashMap<u64, *mut Header>, what: &str) {
        while let Some((id, obj)) = todo.pop() {
            if let Some(&seen) = addr.get(&id) {
                assert_eq!(seen, obj, "{what}: object {id} found at two addresses");
                continue;
            }
            let vm = self.vm;
            assert!(vm.is_live(obj), "{what}: object {id} at {:#x} is not a live object", obj as usize);
            assert_eq!(vm.id(obj), id, "{what}: object at {:#x} has the wrong id", obj as usize);
            let model = self.shadow.get(&id).unwrap_or_else(|| panic!("{what}: object {id} is not in the model"));
            assert_eq!(vm.kind(obj), model.kind, "{what}: object {id} has the wrong kind");
            assert_eq!(vm.nfields(obj), model.edges.len(), "{what}: object {id} has the wrong length");
            let words = vm.fields(obj);
            for (i, edge) in model.edges.iter().enumerate() {
                let w = words[i];
                match edge {
                    None => assert_eq!(w, 0, "{what}: object {id} field {i} should be empty"),
                    Some(target) => {
                        assert_ne!(w, 0, "{what}: object {id} field {i} lost its edge to {target}");
                        todo.push((*target, w as *mut Header));
                    }
                }
            }
            addr.insert(id, obj);
        }
    }

    fn random_reachable(&mut self, with_fields: bool) -> Option<u64> {
        let mut ids: Vec<u64> = self.reachable().iter().copied().collect();
        ids.sort_unstable();
        if with_fields {
            ids.retain(|id| !self.shadow[id].edges.is_empty());
        }
        if ids.is_empty() {
            None
        } else {
            Some(ids[self.rng.below(ids.len())])
        }
    }

    fn alloc(&mut self, step: usize) {
        self.note_queueable();
        let protected = self.protected();
        let collections = self.vm.stats().collections;
        let id = self.next_id;
        self.next_id += 1;
        let inline = self.options.inline_alloc;
        let mut drops = true;
        let (kind, obj, nfields) = match self.rng.below(10) {
            0..=1 if inline => {
                let (obj, fast) = self.vm.alloc_plain_node_vm(id);
                self.summary.inline_allocated += fast as usize;
                drops = false;
                (KIND_NODE, obj, NODE_FIELDS)
            }
            0..=4 => (KIND_NODE, self.vm.alloc_node(id), NODE_FIELDS),
            5..=6 => {
                // Mostly small arrays, sometimes a large object.
                // Half the large ones without a drop hook (a generational
                // collector keeps those as young large objects).
                let large = self.options.large_len.unwrap_or(260);
                if self.rng.chance(5) {
                    let len = large + self.rng.below(40);
                    if self.rng.chance(50) {
                        drops = false;
                        (KIND_ARRAY, self.vm.alloc_plain_array(id, len), len)
                    } else {
                        (KIND_ARRAY, self.vm.alloc_array(id, len), len)
                    }
                } else {
                    let len = self.rng.below(7);
                    (KIND_ARRAY, self.vm.alloc_array(id, len), len)
                }
            }
            7..=8 => (KIND_LEAF, self.vm.alloc_leaf(id), 0),
            _ => {
                let words = if self.rng.chance(10) { self.options.large_len.unwrap_or(400) } else { self.rng.below(6) };
                drops = false;
                if inline {
                    let (obj, fast) = self.vm.alloc_blob_vm(id, words);
                    self.summary.inline_allocated += fast as usize;
                    (KIND_BLOB, obj, 0)
                } else {
                    (KIND_BLOB, self.vm.alloc_blob(id, words), 0)
                }
            }
        };
        self.summary.allocated += 1;
        let what = format!("step {step}: after allocating object {id}");
        if self.vm.stats().collections != collections {
            self.after_gc_point(&protected, &what);
        } else {
            let dropped = self.take_own_dropped();
            if !self.options.lazy_drops {
                assert!(dropped.is_empty(), "{what}: drop hooks ran without a collection: {dropped:?}");
            } else if !dropped.is_empty() {
                self.summary.lazy_dropped += dropped.len();
                self.check_dropped(dropped, &protected, &what);
                self.walk(&what);
            }
        }
        let mut fin = Fin::None;
        if kind != KIND_BLOB && self.rng.chance(self.options.finalizer_percent.unwrap_or(12)) {
            self.vm.register_finalizer(obj);
            fin = Fin::Registered;
        }
        let identity = if self.options.identities && self.rng.chance(25) {
            // SAFETY: a fresh, live object of the plugin's heap.
            Some(unsafe { self.vm.gc.stable_address(obj) })
        } else {
            None
        };
        self.shadow.insert(id, Obj { kind, identity, drops, edges: vec![None; nfields], fin });
        self.vm.push_root(obj);
        self.root_ids.push(id);
        self.changed();
        self.addr.insert(id, obj);
    }

    fn link(&mut self) {
        let Some(a) = self.random_reachable(true) else { return };
        let target = if self.rng.chance(25) { None } else { self.random_reachable(false) };
        let i = self.rng.below(self.shadow[&a].edges.len());
        let target_addr = target.map_or(std::ptr::null_mut(), |t| self.addr[&t]);
        self.vm.set_field(self.addr[&a], i, target_addr);
        self.shadow.get_mut(&a).unwrap().edges[i] = target;
        self.changed();
    }

    fn unlink(&mut self) {
        let Some(a) = self.random_reachable(true) else { return };
        let i = self.rng.below(self.shadow[&a].edges.len());
        self.vm.set_field(self.addr[&a], i, std::ptr::null_mut());
        self.shadow.get_mut(&a).unwrap().edges[i] = None;
        self.changed();
    }

    fn unroot(&mut self) {
        if self.root_ids.is_empty() {
            return;
        }
        let i = self.rng.below(self.root_ids.len());
        self.vm.swap_remove_root(i);
        self.root_ids.swap_remove(i);
        self.changed();
    }

    fn reroot(&mut self) {
        if let Some(id) = self.random_reachable(false) {
            self.vm.push_root(self.addr[&id]);
            self.root_ids.push(id);
            self.changed();
        }
    }

    fn pin(&mut self) {
        let Some(id) = self.random_reachable(false) else { return };
        let k = self.rng.below(PIN_SLOTS);
        let obj = self.addr[&id];
        let offset = self.rng.below(self.vm.size(obj));
        self.pins[k] = obj as u64 + offset as u64;
        self.pin_ids[k] = Some(id);
        self.changed();
        self.pin_objs[k] = obj;
    }

    fn unpin(&mut self) {
        let k = self.rng.below(PIN_SLOTS);
        self.pins[k] = 0;
        self.pin_ids[k] = None;
        self.changed();
        self.pin_objs[k] = std::ptr::null_mut();
    }

    /// Takes one object off the finalization queue (which is empty in exact
    /// mode between explicit collections).
    fn pop_one(&mut self, step: usize) {
        match self.vm.pop_finalizable() {
            None => {}
            Some(obj) => {
                assert!(!self.exact, "step {step}: an object was queued outside an explicit collection");
                self.handed_out(obj, step);
            }
        }
    }

    fn handed_out(&mut self, obj: *mut Header, step: usize) {
        let what = format!("step {step}: finalizable object");
        let id = self.vm.id(obj);
        let model = self.shadow.get_mut(&id).unwrap_or_else(|| panic!("{what} {id} is not in the model"));
        assert_eq!(model.fin, Fin::Registered, "{what} {id} handed out twice or never registered");
        model.fin = Fin::HandedOut;
        self.changed();
        let f = self.vm.flags(obj);
        assert!(f & flags::FINALIZED != 0 && f & flags::FINALIZER == 0, "{what} {id} has flags {f:#x}");
        assert!(self.may_queue.remove(&id), "{what} {id} was queued while reachable");
        // Its subgraph must be intact.
        let mut seen = HashMap::default();
        self.check_from(vec![(id, obj)], &mut seen, &what);
        self.summary.finalized += 1;
        if self.rng.chance(50) {
            // Resurrect it, as a `__del__` storing `self` somewhere would.
            self.vm.push_root(obj);
            self.root_ids.push(id);
            self.changed();
            self.summary.resurrected += 1;
            self.walk(&what);
        }
    }

    fn explicit_collect(&mut self, step: usize) {
        self.note_queueable();
        let protected = self.protected();
        let reachable = self.reachable();
        let garbage: Vec<u64> = self.shadow.keys().filter(|id| !protected.contains(id)).copied().collect();
        let to_queue: HashSet<u64> = self
            .shadow
            .iter()
            .filter(|(id, o)| o.fin == Fin::Registered && !reachable.contains(id))
            .map(|(&id, _)| id)
            .collect();
        self.vm.collect();
        self.summary.explicit_collections += 1;
        let what = format!("step {step}: after an explicit collection");
        self.after_gc_point(&protected, &what);
        if !self.exact {
            return;
        }
        assert_eq!(
            self.vm.stats().collections,
            self.summary.explicit_collections as u64,
            "{what}: exact mode needs a plugin that does not collect on its own here"
        );
        for id in garbage {
            match self.shadow.get(&id) {
                // Dropped and forgotten by `after_gc_point`.
                None => {}
                // No drop hook to observe: forget it.
                Some(o) if !o.drops => {
                    self.shadow.remove(&id);
                }
                Some(_) => panic!("{what}: unreachable object {id} was not freed"),
            }
        }
        let mut queued = HashSet::default();
        while let Some(obj) = self.vm.pop_finalizable() {
            let id = self.vm.id(obj);
            assert!(queued.insert(id), "{what}: object {id} queued twice");
            self.handed_out(obj, step);
        }
        assert_eq!(queued, to_queue, "{what}: wrong set of objects queued for finalization");
    }
}

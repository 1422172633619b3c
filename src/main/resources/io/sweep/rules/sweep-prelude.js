(function () {
  "use strict";
  const g = globalThis;
  const consoleLog = g.console.log;
  // Not part of a rule's world: non-standard printing, shared memory and agents,
  // callbacks timed by the garbage collector.
  for (const name of ["print", "printErr", "SharedArrayBuffer", "Atomics", "WeakRef", "FinalizationRegistry", "arguments"]) {
    delete g[name];
  }

  const O = Object;
  const freeze = O.freeze, getPrototypeOf = O.getPrototypeOf, create = O.create;
  const getOwnPropertyDescriptor = O.getOwnPropertyDescriptor, defineProperty = O.defineProperty;
  const ownKeys = Reflect.ownKeys, isArray = Array.isArray, isFinite = Number.isFinite;
  const parse = JSON.parse, stringify = JSON.stringify, Str = String;
  const ObjectPrototype = O.prototype, DatePrototype = Date.prototype, PromisePrototype = Promise.prototype;
  const ErrorConstructor = Error;
  const marks = new WeakSet();

  // Frozen prototypes would turn `err.name = …` or `obj.toString = …` on an ordinary object
  // into a TypeError (the "override mistake"); these accessors define the property on the
  // object itself instead, so common code keeps working while the prototype stays intact.
  const errorPrototypes = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]
      .map(e => e.prototype);
  const overridable = [[ObjectPrototype, ["constructor", "toString", "valueOf", "toLocaleString"]]];
  for (const p of errorPrototypes) overridable.push([p, ["name", "message", "constructor", "toString"]]);
  for (const [proto, keys] of overridable) {
    for (const key of keys) {
      const d = getOwnPropertyDescriptor(proto, key);
      if (d === undefined || !("value" in d)) continue;
      const value = d.value;
      defineProperty(proto, key, {
        get() { return value; },
        set(v) {
          if (this === proto) throw new TypeError("Cannot assign to read only property '" + key + "' of a built-in prototype");
          defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
        },
        enumerable: d.enumerable,
        configurable: false,
      });
    }
  }

  // Reproducible runs: Math.random() draws from a generator seeded by the host (per job and
  // record), and the current time is ctx.now: Date.now(), new Date() and Date() without
  // arguments read it. Installed before the freeze, so a script cannot put the real ones back.
  const imul = Math.imul, RealDate = Date, construct = Reflect.construct;
  let randomState = 0, nowMillis = 0;
  function random() {
    randomState = (randomState + 0x6D2B79F5) | 0;
    let t = randomState;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  defineProperty(Math, "random", { value: random, writable: true, enumerable: false, configurable: true });
  const SweepDate = function Date(...args) {
    if (new.target === undefined) return new RealDate(nowMillis).toString();
    return construct(RealDate, args.length === 0 ? [nowMillis] : args, new.target);
  };
  defineProperty(SweepDate, "prototype", { value: DatePrototype, writable: false, enumerable: false, configurable: false });
  defineProperty(SweepDate, "length", { value: 7, writable: false, enumerable: false, configurable: true });
  SweepDate.now = function now() { return nowMillis; };
  SweepDate.parse = RealDate.parse;
  SweepDate.UTC = RealDate.UTC;
  defineProperty(DatePrototype, "constructor", { value: SweepDate, writable: true, enumerable: false, configurable: true });
  defineProperty(g, "Date", { value: SweepDate, writable: true, enumerable: false, configurable: true });

  // Freeze everything reachable from the global object and from the intrinsics that have
  // no global name, following prototypes, property values and accessors.
  const roots = [g,
    getPrototypeOf(function* () {}), getPrototypeOf(async function () {}), getPrototypeOf(async function* () {}),
    getPrototypeOf((function* () {})()), getPrototypeOf((async function* () {})()),
    getPrototypeOf([][Symbol.iterator]()), getPrototypeOf(new Map()[Symbol.iterator]()),
    getPrototypeOf(new Set()[Symbol.iterator]()), getPrototypeOf(""[Symbol.iterator]()),
    getPrototypeOf(/x/[Symbol.matchAll]("")), getPrototypeOf(Int8Array),
    getPrototypeOf(Iterator.from([1]).map(x => x))];
  const seen = new Set();
  while (roots.length > 0) {
    const o = roots.pop();
    if (o === null || o === undefined || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
    seen.add(o);
    for (const key of ownKeys(o)) {
      const d = getOwnPropertyDescriptor(o, key);
      if ("value" in d) roots.push(d.value); else roots.push(d.get, d.set);
    }
    roots.push(getPrototypeOf(o));
    freeze(o);
  }

  function invalid(message) {
    const e = { message };
    marks.add(e);
    throw e;
  }

  function isPlain(v) {
    const p = getPrototypeOf(v);
    return p === ObjectPrototype || p === null;
  }

  function describe(v) {
    switch (typeof v) {
      case "undefined": return "undefined";
      case "function": return "a function";
      case "symbol": return "a symbol";
      case "bigint": return "a BigInt";
      case "string": return "a string";
      case "boolean": return "a boolean";
      case "number": return v !== v ? "NaN" : isFinite(v) ? "a number" : "an infinite number";
    }
    if (v === null) return "null";
    try {
      if (isArray(v)) return "an array";
      const p = getPrototypeOf(v);
      if (p === ObjectPrototype || p === null) return "an object";
      if (p === DatePrototype) return "a Date";
      if (p === PromisePrototype) return "a Promise";
      const c = getOwnPropertyDescriptor(p, "constructor");
      const name = c !== undefined && "value" in c && typeof c.value === "function" ? c.value.name : "";
      return typeof name === "string" && name !== "" ? "a " + name + " object" : "an object with a prototype";
    } catch (e) {
      return "an object that cannot be inspected";
    }
  }

  function hint(v) {
    try {
      if (v !== null && typeof v === "object") {
        const p = getPrototypeOf(v);
        if (p === DatePrototype) return " (return date.toISOString() for a date-time, or its first 10 characters for a date)";
        if (p === PromisePrototype) return " (update must not be async)";
        if (!isArray(v)) return " (nested objects are not field values)";
      }
    } catch (e) {
      // no hint then
    }
    return "";
  }

  function locate(stack, fileName) {
    const needle = fileName + ":";
    let from = 0;
    for (;;) {
      const i = stack.indexOf(needle, from);
      if (i < 0) return "0\t0";
      const before = i === 0 ? "" : stack[i - 1];
      let j = i + needle.length, line = 0, column = 0, digits = 0;
      while (j < stack.length && stack[j] >= "0" && stack[j] <= "9") { line = line * 10 + (stack.charCodeAt(j) - 48); j++; digits++; }
      if (digits > 0 && stack[j] === ":") {
        j++;
        while (j < stack.length && stack[j] >= "0" && stack[j] <= "9") { column = column * 10 + (stack.charCodeAt(j) - 48); j++; }
      }
      if ((before === "(" || before === " ") && digits > 0) return line + "\t" + column;
      from = i + 1;
    }
  }

  // "<line>\t<column>\t<message>" of a thrown value, without trusting it
  function errorInfo(e, fileName) {
    let where = "0\t0", message;
    try {
      if (e !== null && typeof e === "object" && e instanceof ErrorConstructor) {
        message = Str(e.name) + ": " + Str(e.message);
        const stack = e.stack;
        if (typeof stack === "string") where = locate(stack, fileName);
      } else if (typeof e === "string") {
        message = "threw " + stringify(e);
      } else if (typeof e === "number" || typeof e === "boolean" || e === null || e === undefined) {
        message = "threw " + Str(e);
      } else {
        message = "threw " + describe(e);
      }
    } catch (x) {
      message = "threw a value that cannot be described";
    }
    if (typeof message !== "string") message = "threw a value that cannot be described";
    if (message.length > 2000) message = message.slice(0, 2000) + "…";
    return where + "\t" + message;
  }

  function messageOf(e, fileName) {
    if (marks.has(e)) return e.message;
    const info = errorInfo(e, fileName);
    return info.slice(info.indexOf("\t", info.indexOf("\t") + 1) + 1);
  }

  // The fields to set: a fresh object of strings, finite numbers, booleans, nulls and
  // arrays of strings, or null for "leave the record alone".
  function resultCopy(r) {
    if (r === null || r === undefined) return null;
    if (typeof r !== "object" || isArray(r) || !isPlain(r)) {
      invalid("update must return a plain object of field values, or null; it returned " + describe(r) + hint(r));
    }
    const keys = ownKeys(r);
    if (keys.length > $MAX_FIELDS) invalid("update returned more than $MAX_FIELDS fields");
    const out = create(null);
    let count = 0, chars = 0;
    const text = (key, s) => {
      if (s.length > $MAX_STRING_CHARS) invalid(key + ": a string longer than $MAX_STRING_CHARS characters");
      chars += s.length;
      if (chars > $MAX_TOTAL_CHARS) invalid("update returned more than $MAX_TOTAL_CHARS characters");
      return s;
    };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (typeof key !== "string") invalid("a symbol is not a field name");
      const d = getOwnPropertyDescriptor(r, key);
      if (d === undefined || !d.enumerable) continue;
      const v = r[key];
      text("field name", key);
      let value;
      switch (typeof v) {
        case "string": value = text(key, v); break;
        case "boolean": value = v; break;
        case "number":
          if (!isFinite(v)) invalid(key + ": " + describe(v) + " is not a field value");
          value = v;
          break;
        case "object":
          if (v === null) { value = null; break; }
          if (isArray(v)) {
            const n = v.length;
            if (!(n <= $MAX_ARRAY_ITEMS)) invalid(key + ": an array of more than $MAX_ARRAY_ITEMS items");
            value = [];
            for (let k = 0; k < n; k++) {
              const item = v[k];
              if (typeof item !== "string") invalid(key + ": a multi-select array holds only strings, not " + describe(item));
              value[k] = text(key, item);
            }
            break;
          }
          invalid(key + ": " + describe(v) + " is not a field value" + hint(v));
          break;
        default:
          invalid(key + ": " + describe(v) + " is not a field value" + (v === undefined ? " (use null to clear a field)" : ""));
      }
      out[key] = value;
      count++;
    }
    return count === 0 ? null : out;
  }

  // Plain data (rule metadata, parameters): JSON values only, no cycles, bounded.
  function dataCopy(v, path, depth, state) {
    if (++state.nodes > $MAX_DATA_NODES) invalid(path + ": more than $MAX_DATA_NODES values");
    if (depth > $MAX_DATA_DEPTH) invalid(path + ": nested deeper than $MAX_DATA_DEPTH levels");
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (!isFinite(v)) invalid(path + ": " + describe(v) + " is not plain data");
        return v;
      case "object":
        if (v === null) return null;
        if (state.stack.has(v)) invalid(path + ": refers back to itself (cyclic)");
        state.stack.add(v);
        let out;
        if (isArray(v)) {
          out = [];
          const n = v.length;
          if (!(n <= $MAX_DATA_NODES)) invalid(path + ": more than $MAX_DATA_NODES values");
          for (let i = 0; i < n; i++) out[i] = dataCopy(v[i], path + "[" + i + "]", depth + 1, state);
        } else if (isPlain(v)) {
          out = create(null);
          for (const key of ownKeys(v)) {
            if (typeof key !== "string") invalid(path + ": has a symbol key");
            const d = getOwnPropertyDescriptor(v, key);
            if (d === undefined || !d.enumerable) continue;
            const item = v[key];
            if (item === undefined) continue;
            out[key] = dataCopy(item, path + "." + key, depth + 1, state);
          }
        } else {
          invalid(path + ": " + describe(v) + " is not plain data");
        }
        state.stack.delete(v);
        return out;
      default:
        invalid(path + ": " + describe(v) + " is not plain data");
    }
  }

  function format(a) {
    if (typeof a === "string") return a;
    if (a !== null && typeof a === "object") {
      try {
        const s = stringify(a);
        if (typeof s === "string") return s;
      } catch (e) {
        // a cycle, a BigInt or a throwing toJSON: describe it instead
      }
      return "[" + describe(a) + "]";
    }
    try {
      return Str(a);
    } catch (e) {
      return "[" + describe(a) + "]";
    }
  }

  const log = freeze(function log(...args) {
    const parts = [];
    for (let i = 0; i < args.length; i++) parts[i] = format(args[i]);
    consoleLog(parts.join(" "));
  });

  return function install(fileName, now, seed) {
    nowMillis = now;
    randomState = seed | 0;
    return freeze({
      invoke(update, recordJson, paramsJson, now, trigger, seed) {
        nowMillis = now;
        randomState = seed | 0;
        const record = parse(recordJson);
        const ctx = { now, params: parse(paramsJson), trigger, log };
        let result;
        try {
          result = update(record, ctx);
        } catch (e) {
          return "E" + errorInfo(e, fileName);
        }
        try {
          const copy = resultCopy(result);
          return copy === null ? "S" : "U" + stringify(copy);
        } catch (e) {
          return "I" + (marks.has(e) ? e.message : "reading the returned value threw: " + messageOf(e, fileName));
        }
      },
      inspect(ns) {
        const out = create(null);
        if (!("rule" in ns)) {
          out.rule = "missing";
        } else if (ns.rule === null || typeof ns.rule !== "object" || isArray(ns.rule) || !isPlain(ns.rule)) {
          out.rule = "invalid";
          out.ruleError = "rule must be a plain object, not " + describe(ns.rule);
        } else {
          try {
            out.value = dataCopy(ns.rule, "rule", 0, { nodes: 0, stack: new Set() });
            out.rule = "ok";
          } catch (e) {
            out.rule = "invalid";
            out.ruleError = messageOf(e, fileName);
          }
        }
        out.update = !("update" in ns) ? "missing" : typeof ns.update === "function" ? "function" : describe(ns.update);
        return stringify(out);
      },
    });
  };
})()

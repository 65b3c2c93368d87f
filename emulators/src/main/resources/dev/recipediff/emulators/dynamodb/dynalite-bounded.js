// recipediff's dynalite launcher (run by DynaliteProcess as `node -e <this file> <dynalite dir> <options JSON>`).
//
// 1. Exits when stdin ends: stdin is a pipe from the JVM, so even a JVM killed with SIGKILL takes its
//    dynalite with it.
// 2. Closes the LevelDB iterator of every Query/Scan stream. dynalite 4.0.0 turns abstract-level 3's async
//    iterators into streams and releases them in the stream's destroy() through `iterator.return()`, a method
//    abstract-level's iterators do not have (they have close()): every Query leaked its iterator, kept by the
//    database's resource set, with the LevelDB snapshot it pins (docs/performance.md, "dynalite 4.0.0 leaks
//    on every Query"). Giving the iterators the return() the wrapper calls fixes it at the wrapper's depth.
// 3. Bounds LevelDB's native memory: block cache, write buffer, open table files (defaults of classic-level
//    would be 8 MiB, 4 MiB and 1000 files).
// 4. Starts dynalite through its programmatic API on 127.0.0.1 and prints the line DynaliteProcess waits for.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()

const dir = process.argv[1]
const options = JSON.parse(process.argv[2])
const fromDynalite = name => require(require.resolve(name, { paths: [dir] }))

const abstractLevel = fromDynalite('abstract-level')
for (const iterator of [abstractLevel.AbstractIterator, abstractLevel.AbstractKeyIterator,
  abstractLevel.AbstractValueIterator]) {
  if (iterator && typeof iterator.prototype.return !== 'function') {
    iterator.prototype.return = function () { return this.close() }
  }
}

if (options.path) {
  const { ClassicLevel } = fromDynalite('classic-level')
  const open = ClassicLevel.prototype._open
  ClassicLevel.prototype._open = function (openOptions) {
    return open.call(this, { ...openOptions, ...options.leveldb })
  }
}

const server = require(dir)({
  path: options.path || undefined,
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
})
server.listen(options.port, '127.0.0.1', () => {
  console.log('Dynalite listening at: http://127.0.0.1:%s', server.address().port)
})

-- help/fs.lua: help entries of alp.fs.
return {
["alp.fs"] = [[
alp.fs: the file-system operations plain Lua lacks.
  alp.fs.listdir(path), alp.fs.isdir(path), alp.fs.exists(path),
  alp.fs.stat(path), alp.fs.mkdir(path), alp.fs.files(dir)]],
["alp.fs.files"] = [[
alp.fs.files(dir) -> array of paths
Every file under the folder dir, recursively, as paths relative to it,
sorted (byte order); {} for a folder that cannot be read.
Example: for _, f in ipairs(alp.fs.files("out/na62_kpix")) do print(f) end]],
["alp.fs.stat"] = [[
alp.fs.stat(path) -> size, mtime | nil, message
The size of a file in bytes and its modification time in seconds since
1970 (with the nanoseconds).  alp.limit.csv reads a table once per process
while these are unchanged.]],
["alp.fs.exists"] = [[
alp.fs.exists(path) -> boolean
True when path exists (a file or a folder).]],
["alp.fs.listdir"] = [[
alp.fs.listdir(path) -> array of names | nil, message
The entries of a folder, sorted, without "." and "..".
Example: for _, f in ipairs(alp.fs.listdir("recasts")) do print(f) end]],
["alp.fs.isdir"] = [[
alp.fs.isdir(path) -> boolean
True when path exists and is a folder.]],
["alp.fs.mkdir"] = [[
alp.fs.mkdir(path) -> true
Makes the folder and any missing parents (like mkdir -p).  Raises
"alp.fs.mkdir: cannot create ..." when that fails.]],
["alp.fs.sha256"] = [[
alp.fs.sha256(path) -> the file's SHA-256 as 64 hex digits (OpenSSL), or
nil, message if it cannot be read.  Output headers list each data file used
with its digest.]],
}

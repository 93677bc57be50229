/* l_fs.c -- alp.fs: the few file-system operations Lua lacks (listing a
 * folder, making folders), for the test runner, the suite and the writers. */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <stdio.h>
#include <openssl/evp.h>
#include "lalp.h"

/* alp.fs.listdir(path) -> sorted array of entry names (no "." and ".."), or
 * nil, message if the folder cannot be read. */
static int l_fs_listdir(lua_State *L)
{
  const char *path = luaL_checkstring(L, 1);
  DIR *d = opendir(path);
  struct dirent *e;
  int n = 0;
  if (!d) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_newtable(L);
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -2, ++n);
  }
  closedir(d);
  /* sort with table.sort semantics: plain byte order */
  lua_getglobal(L, "table");
  lua_getfield(L, -1, "sort");
  lua_pushvalue(L, -3);
  lua_call(L, 1, 0);
  lua_pop(L, 1);
  return 1;
}

/* alp.fs.isdir(path) -> boolean */
static int l_fs_isdir(lua_State *L)
{
  struct stat st;
  const char *path = luaL_checkstring(L, 1);
  lua_pushboolean(L, stat(path, &st) == 0 && S_ISDIR(st.st_mode));
  return 1;
}

/* alp.fs.stat(path) -> size in bytes, modification time (s since the epoch,
 * with its nanoseconds), or nil, message. */
static int l_fs_stat(lua_State *L)
{
  struct stat st;
  const char *path = luaL_checkstring(L, 1);
  if (stat(path, &st) != 0) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushinteger(L, (lua_Integer)st.st_size);
  lua_pushnumber(L, (double)st.st_mtim.tv_sec + 1e-9 * (double)st.st_mtim.tv_nsec);
  return 2;
}

/* alp.fs.exists(path) -> boolean */
static int l_fs_exists(lua_State *L)
{
  struct stat st;
  const char *path = luaL_checkstring(L, 1);
  lua_pushboolean(L, stat(path, &st) == 0);
  return 1;
}

/* alp.fs.mkdir(path) -> true, making parents as needed (mkdir -p); raises on
 * failure. */
static int l_fs_mkdir(lua_State *L)
{
  size_t len;
  const char *path = luaL_checklstring(L, 1, &len);
  char *p = (char *)lua_newuserdatauv(L, len + 1, 0);
  memcpy(p, path, len + 1);
  for (size_t i = 1; i <= len; i++) {
    if (p[i] == '/' || p[i] == '\0') {
      char c = p[i];
      struct stat st;
      p[i] = '\0';
      if (stat(p, &st) != 0) {
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
          return luaL_error(L, "alp.fs.mkdir: cannot create %s: %s", p,
                            strerror(errno));
      } else if (!S_ISDIR(st.st_mode)) {
        return luaL_error(L, "alp.fs.mkdir: %s exists and is not a folder", p);
      }
      p[i] = c;
    }
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* alp.fs.sha256(path) -> hex digest of the file's bytes (OpenSSL's
 * libcrypto), or nil, message if it cannot be read. */
static int l_fs_sha256(lua_State *L)
{
  const char *path = luaL_checkstring(L, 1);
  FILE *f = fopen(path, "rb");
  if (!f) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
  unsigned char buf[65536], md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  size_t n;
  while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0) ok = EVP_DigestUpdate(ctx, buf, n);
  ok = ok && !ferror(f) && EVP_DigestFinal_ex(ctx, md, &mdlen);
  EVP_MD_CTX_free(ctx);
  fclose(f);
  if (!ok) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: cannot compute its SHA-256", path);
    return 2;
  }
  char hex[2 * EVP_MAX_MD_SIZE + 1];
  for (unsigned int i = 0; i < mdlen; i++) snprintf(hex + 2 * i, 3, "%02x", md[i]);
  lua_pushlstring(L, hex, 2 * mdlen);
  return 1;
}

static const luaL_Reg fs_funcs[] = {
  { "sha256",  l_fs_sha256 },
  { "listdir", l_fs_listdir },
  { "isdir",   l_fs_isdir },
  { "exists",  l_fs_exists },
  { "stat",    l_fs_stat },
  { "mkdir",   l_fs_mkdir },
  { NULL, NULL }
};

int luaopen_alp_fs(lua_State *L)
{
  luaL_newlib(L, fs_funcs);
  return 1;
}

#include "entente/versions.h"

#include <archive.h>
#include <curl/curl.h>
#include <openssl/crypto.h>
#include <sqlite3.h>
#include <unicode/uversion.h>

namespace entente {
namespace {

std::string CompilerVersion() {
#if defined(__clang__)
  return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("GCC ") + __VERSION__;
#else
  return "unknown";
#endif
}

std::string IcuVersion() {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  return text;
}

std::string CurlVersion() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  return info && info->version ? info->version : "unknown";
}

std::string ArchiveVersion() {
  std::string text = archive_version_string();  // "libarchive 3.6.2"
  const std::string prefix = "libarchive ";
  return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ComponentVersions() {
  return {{"entente", ENTENTE_VERSION},   {"SQLite", sqlite3_libversion()},
          {"ICU", IcuVersion()},          {"libarchive", ArchiveVersion()},
          {"libcurl", CurlVersion()},     {"OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING)},
          {"compiler", CompilerVersion()}};
}

}  // namespace entente

// SHA-256 of a file, read in blocks (the bundle archive is about 100 MB).
#include <openssl/evp.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "entente/data_bundle.h"

namespace entente {

Result<std::string> Sha256OfFile(const std::string& path) {
  constexpr std::size_t kBlockSize = 1 << 20;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) return Status::Io("cannot read '" + path + "'");
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    return Status::Internal("OpenSSL could not start a SHA-256 digest");
  }
  std::vector<unsigned char> block(kBlockSize);
  std::size_t n;
  while ((n = std::fread(block.data(), 1, block.size(), file.get())) > 0) {
    EVP_DigestUpdate(ctx.get(), block.data(), n);
  }
  if (std::ferror(file.get())) return Status::Io("error reading '" + path + "'");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace entente

#include "server/assets.h"

namespace entente::server {

const EmbeddedFile* FindEmbeddedFile(std::string_view url_path) {
  if (url_path == "/") url_path = "/index.html";
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (url_path == kEmbeddedFiles[i].url_path) return &kEmbeddedFiles[i];
  }
  return nullptr;
}

}  // namespace entente::server

#include "bundle/unpack.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "entente/data_bundle.h"

namespace entente::internal {
namespace {

constexpr std::size_t kReadBlockSize = 1 << 16;

struct ReadCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct WriteCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};

// The member's path without a trailing '/' (folders carry one).
std::string MemberPath(archive_entry* entry) {
  const char* raw = archive_entry_pathname(entry);
  std::string path = raw ? raw : "";
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

Status CheckMember(archive_entry* entry, const std::string& path, const std::string& archive) {
  const std::string where = archive + ": member '" + path + "'";
  if (!IsSafeMemberPath(path)) {
    return Status::Data(where + " has an absolute path or climbs with '..': refused, nothing kept");
  }
  const auto type = archive_entry_filetype(entry);
  if (archive_entry_hardlink(entry) != nullptr || archive_entry_symlink(entry) != nullptr ||
      (type != AE_IFREG && type != AE_IFDIR)) {
    return Status::Data(where +
                        " is not a regular file or folder (a link?): refused, nothing kept");
  }
  return Status::Ok();
}

Status CopyData(archive* in, archive* out, const std::string& where) {
  const void* block;
  std::size_t size;
  la_int64_t offset;
  for (;;) {
    int r = archive_read_data_block(in, &block, &size, &offset);
    if (r == ARCHIVE_EOF) return Status::Ok();
    if (r != ARCHIVE_OK) {
      return Status::Data(where + ": cannot read: " + archive_error_string(in));
    }
    if (archive_write_data_block(out, block, size, offset) != ARCHIVE_OK) {
      return Status::Io(where + ": cannot write: " + archive_error_string(out));
    }
  }
}

}  // namespace

Result<int> UnpackArchive(const std::string& archive_path, const std::string& dir) {
  std::unique_ptr<archive, ReadCloser> in(archive_read_new());
  archive_read_support_filter_gzip(in.get());
  archive_read_support_format_tar(in.get());
  if (archive_read_open_filename(in.get(), archive_path.c_str(), kReadBlockSize) != ARCHIVE_OK) {
    return Status::Data("cannot open '" + archive_path +
                        "' as a gzipped tar: " + archive_error_string(in.get()));
  }
  std::unique_ptr<archive, WriteCloser> out(archive_write_disk_new());
  // Members become `dir`/member, an absolute path, so NOABSOLUTEPATHS cannot
  // be set; SECURE_SYMLINKS would also refuse a `dir` reached through a
  // symlinked parent such as /home. CheckMember already refuses both, and no
  // member can plant a link (links are refused), so NODOTDOT is the guard left.
  archive_write_disk_set_options(out.get(), ARCHIVE_EXTRACT_SECURE_NODOTDOT);
  int files = 0;
  archive_entry* entry;
  for (;;) {
    int r = archive_read_next_header(in.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK) {
      return Status::Data(archive_path + ": damaged after " + std::to_string(files) +
                          " files: " + archive_error_string(in.get()));
    }
    const std::string path = MemberPath(entry);
    if (Status s = CheckMember(entry, path, archive_path); !s.ok()) return s;
    const std::string target = dir + "/" + path;
    archive_entry_set_pathname(entry, target.c_str());
    const std::string where = archive_path + ": member '" + path + "'";
    if (archive_write_header(out.get(), entry) != ARCHIVE_OK) {
      return Status::Io(where + ": cannot create '" + target +
                        "': " + archive_error_string(out.get()));
    }
    if (archive_entry_filetype(entry) == AE_IFREG) {
      if (Status s = CopyData(in.get(), out.get(), where); !s.ok()) return s;
      ++files;
    }
    if (archive_write_finish_entry(out.get()) != ARCHIVE_OK) {
      return Status::Io(where + ": cannot finish '" + target +
                        "': " + archive_error_string(out.get()));
    }
  }
  if (archive_write_close(out.get()) != ARCHIVE_OK) {
    return Status::Io("cannot finish unpacking into '" + dir +
                      "': " + archive_error_string(out.get()));
  }
  return files;
}

}  // namespace entente::internal

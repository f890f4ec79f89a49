// Status and Result<T>: how every fallible entente call reports failure.
//
// Errors a user can meet (a bad file, an unknown country, a wrong flag) are
// values, never crashes. The CLI maps Status::Code to exit codes (usage -> 1,
// everything else -> 2) and the server to HTTP codes.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace entente {

class Status {
 public:
  enum class Code {
    kOk,
    kUsage,     // the caller asked for something malformed (bad flag, bad year range)
    kNotFound,  // a key (country, file, dyad) that does not exist
    kData,      // a data file or value that fails validation
    kIo,        // the operating system refused (open, read, write)
    kInternal,  // a bug in entente: please report it
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Data(std::string msg) { return Status(Code::kData, std::move(msg)); }
  static Status Io(std::string msg) { return Status(Code::kIo, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // A message written for a person: what went wrong, where, and what to do.
  const std::string& message() const { return message_; }

  // The process exit code this status maps to: 0 ok, 1 usage, 2 anything else.
  int exit_code() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none (C++20 has no std::expected).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace entente

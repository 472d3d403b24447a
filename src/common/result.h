#pragma once
// How an operation that can fail says so at a module boundary (house style: "two statuses: did the
// call work, and what was the outcome"). A Status is ok, or an error kind with a message for people;
// a Result<T> is a T, or the Status saying why there is none. Nothing here throws: a module may
// throw inside, but catches at its facade and returns one of these.
//
// The outcome of a call that worked is in its value (a plan with late lines, a list that is empty);
// an error is for a call that could not do what was asked.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace takt {

/// Why an operation failed: lets a caller choose its answer (exit code, HTTP status, retry) without
/// reading the message.
enum class ErrorKind {
  kFailed,    ///< I/O error, out of memory, anything unexpected
  kNotFound,  ///< what was asked for does not exist (a version, or one of another kind)
  kConflict,  ///< the name or state is taken by something else (a live scenario of that name)
  kInvalid,   ///< an argument refused as given (an empty name, a name of digits)
  kBusy,      ///< another writer held the lock too long; may work when tried again
  kFull,      ///< the disk or a size limit is full
  kReadOnly,  ///< the file, its folder or the server refuses writes
  kCorrupt,   ///< not what it should be: not a takt store, damaged, or written by a newer takt
};

/// A short word for the kind, for logs and tests ("not-found").
constexpr std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kFailed: return "failed";
    case ErrorKind::kNotFound: return "not-found";
    case ErrorKind::kConflict: return "conflict";
    case ErrorKind::kInvalid: return "invalid";
    case ErrorKind::kBusy: return "busy";
    case ErrorKind::kFull: return "full";
    case ErrorKind::kReadOnly: return "read-only";
    case ErrorKind::kCorrupt: return "corrupt";
  }
  return "failed";
}

/// Did the call work: ok, or an error kind and a message that names what failed and why.
class [[nodiscard]] Status {
 public:
  /// Ok.
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorKind kind, std::string message) { return Status(kind, std::move(message)); }

  bool ok() const { return !error_; }
  /// The kind of the error; only meaningful when !ok().
  ErrorKind kind() const { return error_ ? *error_ : ErrorKind::kFailed; }
  bool Is(ErrorKind kind) const { return error_ && *error_ == kind; }
  /// One sentence for people; "" when ok.
  const std::string& message() const { return message_; }

 private:
  Status(ErrorKind kind, std::string message) : error_(kind), message_(std::move(message)) {}

  std::optional<ErrorKind> error_;
  std::string message_;
};

/// A value, or the Status saying why there is none. Built implicitly from either, so a function
/// returning Result<int64_t> can `return id;` or `return Status::Error(...)`.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor): by design
  /// From an error; an ok Status here is a bug, kept as kFailed so it cannot read as a value.
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (status_.ok()) status_ = Status::Error(ErrorKind::kFailed, "no value and no error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  /// The error's kind and message; meaningful when !ok().
  ErrorKind kind() const { return status_.kind(); }
  bool Is(ErrorKind kind) const { return status_.Is(kind); }
  const std::string& message() const { return status_.message(); }

  /// The value; only when ok() (checked by std::optional in debug builds of the standard library).
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace takt

//===--- Annotations.h - tether clang-tidy ----------------------*- C++ -*-===//
//
// The `[[clang::annotate("tether::...")]]` vocabulary and name matching.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_ANNOTATIONS_H
#define TETHER_CHECKS_MODEL_ANNOTATIONS_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::tether::model {

/// The roles of the annotation vocabulary (docs/checks/README.md); each is
/// spelled `tether::<name>` in `[[clang::annotate(...)]]`.
namespace role {
inline constexpr llvm::StringLiteral Channel = "tether::channel";
inline constexpr llvm::StringLiteral MakeChannel = "tether::make_channel";
inline constexpr llvm::StringLiteral BlockingSend = "tether::blocking_send";
inline constexpr llvm::StringLiteral BlockingRecv = "tether::blocking_recv";
inline constexpr llvm::StringLiteral TrySend = "tether::try_send";
inline constexpr llvm::StringLiteral TryRecv = "tether::try_recv";
inline constexpr llvm::StringLiteral Close = "tether::close";
inline constexpr llvm::StringLiteral Cancellable = "tether::cancellable";
inline constexpr llvm::StringLiteral Spawn = "tether::spawn";
inline constexpr llvm::StringLiteral Select = "tether::select";
inline constexpr llvm::StringLiteral SelectRecvCase =
    "tether::select_recv_case";
inline constexpr llvm::StringLiteral SelectSendCase =
    "tether::select_send_case";
inline constexpr llvm::StringLiteral SelectDoneCase =
    "tether::select_done_case";
inline constexpr llvm::StringLiteral SelectDefaultCase =
    "tether::select_default_case";
inline constexpr llvm::StringLiteral Ticker = "tether::ticker";
inline constexpr llvm::StringLiteral TickerStop = "tether::ticker_stop";
inline constexpr llvm::StringLiteral UnstoppableTicker =
    "tether::unstoppable_ticker";
inline constexpr llvm::StringLiteral OneShotTimer = "tether::one_shot_timer";
inline constexpr llvm::StringLiteral Context = "tether::context";
inline constexpr llvm::StringLiteral ContextFactory = "tether::context_factory";
inline constexpr llvm::StringLiteral CancelFunc = "tether::cancel_func";
inline constexpr llvm::StringLiteral BlockingSleep = "tether::blocking_sleep";
inline constexpr llvm::StringLiteral BlockingWait = "tether::blocking_wait";
inline constexpr llvm::StringLiteral LivesForever = "tether::lives_forever";
} // namespace role

/// True if `D`, a redeclaration of it, or the template it was instantiated
/// from carries `[[clang::annotate(Role)]]`.
bool hasRole(const Decl *D, llvm::StringRef Role);

/// The qualified name of `D` without template arguments and without inline
/// namespaces ("std::jthread", "tether::chan::send"), for option matching.
std::string qualifiedName(const NamedDecl *D);

/// A list of qualified names from a check option (`;`-separated, leading
/// `::` optional).
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::StringRef Option);
  bool contains(const NamedDecl *D) const;
  bool empty() const { return Names.empty(); }
  const std::string &raw() const { return Raw; }

private:
  std::string Raw;
  std::vector<std::string> Names;
};

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_ANNOTATIONS_H

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

/// The roles of the vocabulary (docs/checks/README.md): each is spelled
/// `tether::<name>` in `[[clang::annotate(...)]]`.
#define TETHER_ROLES(X)                                                        \
  X(Channel, "tether::channel")                                                \
  X(MakeChannel, "tether::make_channel")                                       \
  X(BlockingSend, "tether::blocking_send")                                     \
  X(BlockingRecv, "tether::blocking_recv")                                     \
  X(TrySend, "tether::try_send")                                               \
  X(TryRecv, "tether::try_recv")                                               \
  X(Close, "tether::close")                                                    \
  X(Cancellable, "tether::cancellable")                                        \
  X(Spawn, "tether::spawn")                                                    \
  X(Select, "tether::select")                                                  \
  X(SelectRecvCase, "tether::select_recv_case")                                \
  X(SelectSendCase, "tether::select_send_case")                                \
  X(SelectDoneCase, "tether::select_done_case")                                \
  X(SelectDefaultCase, "tether::select_default_case")                          \
  X(Ticker, "tether::ticker")                                                  \
  X(TickerStop, "tether::ticker_stop")                                         \
  X(UnstoppableTicker, "tether::unstoppable_ticker")                           \
  X(OneShotTimer, "tether::one_shot_timer")                                    \
  X(Context, "tether::context")                                                \
  X(ContextFactory, "tether::context_factory")                                 \
  X(CancelFunc, "tether::cancel_func")                                         \
  X(BlockingSleep, "tether::blocking_sleep")                                   \
  X(BlockingWait, "tether::blocking_wait")                                     \
  X(LivesForever, "tether::lives_forever")

/// A role: its spelling, and its bit in the set of roles a declaration plays.
struct Role {
  llvm::StringLiteral Spelling;
  unsigned Bit;
};

namespace role {
enum : unsigned {
#define TETHER_ROLE_BIT(Name, Spelling) Name##Bit,
  TETHER_ROLES(TETHER_ROLE_BIT)
#undef TETHER_ROLE_BIT
      Count
};
static_assert(Count <= 32, "a declaration's roles are a 32-bit set");

#define TETHER_ROLE(Name, Spelling)                                            \
  inline constexpr Role Name{Spelling, Name##Bit};
TETHER_ROLES(TETHER_ROLE)
#undef TETHER_ROLE
} // namespace role

/// True if `D`, a redeclaration of it, or the template it was instantiated
/// from carries `[[clang::annotate(R.Spelling)]]`. The roles of a declaration
/// are collected once per translation unit (see forgetRoles).
bool hasRole(const Decl *D, Role R);

/// Drops the roles hasRole collected on the calling thread: called at the
/// end of each translation unit, before its declarations go away.
void forgetRoles();

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

//===--- ApiModel.h - tether clang-tidy -------------------------*- C++ -*-===//
//
// The API model shared by every tether check: which types and functions are
// channels, sends, receives, spawns, tickers, contexts, cancel functions and
// stop tokens. A declaration has a role because (1) it is tether's own API,
// (2) it is the standard library's, (3) it carries a
// `[[clang::annotate("tether::...")]]` annotation, or (4) a check option
// names it. The queries live in one file per concept (Channel.cpp,
// Spawn.cpp, Ticker.cpp, Context.cpp, Cancellable.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_APIMODEL_H
#define TETHER_CHECKS_MODEL_APIMODEL_H

#include "Annotations.h"
#include "ClangTidyCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::tether::model {

/// Groups of model options; a check exposes the groups it uses.
enum OptionGroup : unsigned {
  ChannelOptions = 1U << 0,     ///< ChannelTypes, Send/Recv/Make/CloseFunctions
  SpawnOptions = 1U << 1,       ///< SpawnFunctions
  TickerOptions = 1U << 2,      ///< TickerTypes, TickerStopFunctions
  ContextOptions = 1U << 3,     ///< ContextTypes, ..., StopCheckFunctions
  CancellableOptions = 1U << 4, ///< CancellableFunctions
  AllOptions = ~0U,
};

/// What starts a task.
enum class SpawnKind { Tether, StdThread, StdJThread, StdAsync, Other };

/// A spawn site and the callable that becomes the task body.
struct SpawnSite {
  SpawnKind Kind = SpawnKind::Other;
  const Expr *Site = nullptr;        ///< the call or construction
  const Expr *Body = nullptr;        ///< the callable argument
  const Expr *const *Args = nullptr; ///< the arguments after the callable
  unsigned NumArgs = 0;
};

/// A blocking call's overload that takes a context or a stop token.
struct CancellableOverload {
  const FunctionDecl *Overload = nullptr;
  unsigned TokenParam = 0;   ///< index of the token parameter
  bool TakesContext = false; ///< context (true) or stop token (false)
};

class ApiModel {
public:
  /// Reads the options of `Groups` from `Options`.
  ApiModel(ClangTidyCheck::OptionsView &Options, unsigned Groups);
  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;

  // Channel.cpp
  bool isChannelType(QualType T) const;
  bool isSend(const FunctionDecl *F) const;
  bool isRecv(const FunctionDecl *F) const;
  bool isMakeChannel(const FunctionDecl *F) const;
  bool isClose(const FunctionDecl *F) const;
  /// A raw pointer, `std::shared_ptr` or `std::unique_ptr` to a channel: how
  /// code shares a channel that cannot be copied (Boost.Fiber's).
  bool isChannelHolder(QualType T) const;
  /// The capacity the initializer `Init` gives a channel, if it is a
  /// constant (`make_chan<T>(4)`, `buffered_channel<T>(8)`), also through a
  /// holder (`std::make_shared<buffered_channel<T>>(8)`, `new`); `Make` (if
  /// given) gets the make call.
  std::optional<uint64_t>
  channelCapacity(const Expr *Init, ASTContext &Ctx,
                  const CallExpr **Make = nullptr) const;

  // Spawn.cpp
  /// The spawn site `E` is, if it is one (a CallExpr, a CXXConstructExpr of
  /// `tether::go`, `std::thread`, `std::jthread`, ... or a configured name).
  std::optional<SpawnSite> getSpawnSite(const Expr *E) const;
  /// The thread a container of `std::thread` or `std::jthread` constructs
  /// in place, `workers.emplace_back(callable, args...)`, if `Call` is such
  /// a call: the construction itself happens in the standard library's code,
  /// where no spawn site is seen.
  static std::optional<SpawnSite> getEmplacedThread(const CallExpr *Call);
  /// The function that runs as the task: a lambda's call operator, or a
  /// function (with a body in this translation unit) named by `Body`.
  static const FunctionDecl *getTaskFunction(const Expr *Body);

  // Ticker.cpp
  bool isTickerType(QualType T) const;
  bool isTickerStop(const FunctionDecl *F) const;
  bool isUnstoppableTicker(const FunctionDecl *F) const;
  bool isOneShotTimer(const FunctionDecl *F) const;
  /// A ticker, or a raw pointer, `std::shared_ptr` or `std::unique_ptr` to
  /// one: something that keeps a ticker alive.
  bool isTickerHolder(QualType T) const;

  // Context.cpp
  bool isContextType(QualType T) const;
  bool isCancelFuncType(QualType T) const;
  bool isContextFactory(const FunctionDecl *F) const;
  /// `tether::background()` and configured root-context functions.
  bool isBackgroundContext(const FunctionDecl *F) const;
  bool isStopTokenType(QualType T) const;
  bool isStopSourceType(QualType T) const;
  bool isStopCallbackType(QualType T) const;
  /// True for `stop_requested`, the check of a stop token (or source), and
  /// the functions named by StopCheckFunctions (a thread class's own check,
  /// `RsThread::shouldStop`).
  bool isStopCheck(const FunctionDecl *F) const;
  /// A context or a stop token: something that carries cancellation.
  bool isTokenType(QualType T) const {
    return isContextType(T) || isStopTokenType(T);
  }

  // Cancellable.cpp
  /// True for a call that blocks without observing cancellation: annotated
  /// blocking_send/recv/sleep/wait, or one that has a cancellable overload.
  bool isBlockingCall(const FunctionDecl *F) const;
  /// The overloads of `F` that also take a context or stop token, if any
  /// (`chan::send(ctx, v)` for `chan::send(v)`, `sleep(ctx, d)` for
  /// `sleep(d)`, `condition_variable_any::wait(lock, token, pred)` for
  /// `wait(lock, pred)`).
  llvm::SmallVector<CancellableOverload, 2>
  findCancellableOverloads(const FunctionDecl *F) const;

private:
  bool isCancellableOverload(const NamedDecl *Candidate) const;
  /// channelCapacity of a channel of class `Class` constructed from `Args`.
  std::optional<uint64_t> constructedCapacity(const CXXRecordDecl *Class,
                                              llvm::ArrayRef<const Expr *> Args,
                                              ASTContext &Ctx,
                                              const CallExpr **Make) const;

  unsigned Groups;
  NameList ChannelTypes, SendFunctions, RecvFunctions, MakeChannelFunctions,
      CloseFunctions;
  NameList SpawnFunctions;
  NameList TickerTypes, TickerStopFunctions;
  NameList ContextTypes, ContextFactories, CancelFuncTypes,
      BackgroundContextFunctions, StopCheckFunctions;
  NameList CancellableFunctions;
};

/// `T` without references, cv-qualifiers, sugar; its class, if any (the
/// templated class for a dependent specialization).
const CXXRecordDecl *getRecord(QualType T);

/// True if `T`'s class (or a base of it) has role `R` or is named in `Names`.
bool typeHasRole(QualType T, Role R, const NameList &Names);

/// True if `F` has role `R` or is named in `Names`.
bool functionHasRole(const FunctionDecl *F, Role R, const NameList &Names);

/// True if `D` is declared in namespace std (or a nested/inline one).
bool isInStd(const Decl *D);

/// What `T` (through references) points to, if it is a raw pointer, a
/// `std::shared_ptr` or a `std::unique_ptr`; null otherwise.
QualType pointeeOfHolder(QualType T);

/// True if `T` (through references) is `_Atomic` or a `std::atomic*` class.
bool isAtomicType(QualType T);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_APIMODEL_H

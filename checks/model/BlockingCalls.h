//===--- BlockingCalls.h - tether clang-tidy --------------------*- C++ -*-===//
//
// The calls of the standard and C libraries that block a thread: waits a stop
// token does not interrupt (a semaphore's acquire, an untimed condition
// variable wait, a future's get, a latch, a sleep), and the descriptor calls
// that wait for a peer (accept, read, recv, an untimed poll). Shared by the
// checks that ask where a worker can hang and by the call summaries.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_BLOCKINGCALLS_H
#define TETHER_CHECKS_MODEL_BLOCKINGCALLS_H

#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include <optional>

namespace clang::tidy::tether::model {

/// What a stop-token worker can block in, and what releases it.
enum class WaitKind { None, Semaphore, CondVar, Future, Latch, Sleep, Project };

/// The C functions that block on a descriptor until data or a peer comes.
enum class FdKind { None, Accept, Read, Poll };

/// True if `F` is a member of the standard class named `Class`.
bool isStdMember(const FunctionDecl *F, llvm::StringRef Class);

/// True if `F` is named `Name`.
bool hasName(const FunctionDecl *F, llvm::StringRef Name);

/// The standard blocking calls a stop token does not interrupt. A
/// `condition_variable_any::wait` that takes the token is not one.
WaitKind stdWaitKind(const FunctionDecl *F, const ApiModel &Model);

/// A function of the C library (global namespace, not a member).
bool isCFunction(const FunctionDecl *F);

FdKind fdKind(const FunctionDecl *F);

/// poll, ppoll, select, pselect, epoll_wait, epoll_pwait.
bool isPollFamily(const FunctionDecl *F);

/// The source text of `E`, to see the flag macros (`O_NONBLOCK`,
/// `MSG_DONTWAIT`) that the AST has already expanded to numbers.
llvm::StringRef textOf(const Expr *E, const ASTContext &Ctx);

/// True if the descriptor call cannot block: MSG_DONTWAIT, SOCK_NONBLOCK.
bool passesNonBlocking(const CallExpr *Call, const ASTContext &Ctx);

/// True if a poll-family call's timeout is not known to be infinite.
bool hasFiniteTimeout(const CallExpr *Call, const ASTContext &Ctx);

/// The period of a `std::chrono::duration` type in seconds.
std::optional<double> periodOf(QualType T);

/// The length of a constant duration in seconds: `std::chrono::seconds(5)`,
/// `100ms`; nothing when it is not a constant.
std::optional<double> secondsOf(const Expr *E, const ASTContext &Ctx);

/// True if `Call` can block its thread with no deadline: a wait of
/// stdWaitKind, a sleep (`std::this_thread::sleep_for`, `sleep`, `usleep`,
/// `nanosleep`), accept/read/recv without a non-blocking flag, a poll with
/// an infinite timeout, or a call the model knows to block.
bool blocksWithoutDeadline(const CallExpr *Call, const ApiModel &Model,
                           const ASTContext &Ctx);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_BLOCKINGCALLS_H

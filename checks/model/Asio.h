//===--- Asio.h - tether clang-tidy -----------------------------*- C++ -*-===//
//
// Asio, known as the standard library is (standalone asio and Boost.Asio
// both): its repeating timers, the event loop's `run()` and `stop()`, and the
// work guards that keep `run()` from returning.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_ASIO_H
#define TETHER_CHECKS_MODEL_ASIO_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::tether::model::asio {

/// `start=stop` pairs of asio's timers whose handler can re-arm them: the
/// waitable and deadline timers and the signal set.
extern const llvm::StringLiteral TimerStartStopPairs;

/// True if `D` is declared in namespace `asio` or `boost::asio` (or one
/// nested in them).
bool isInAsio(const Decl *D);

/// True if `F` is `io_context::run` (or `io_service::run`, or `run_one`).
bool isEventLoopRun(const FunctionDecl *F);

/// True if `F` is `io_context::stop` (or `io_service::stop`).
bool isEventLoopStop(const FunctionDecl *F);

/// True if `T` is a work guard (`executor_work_guard`, the older
/// `io_context::work`), or a `std::optional`, `unique_ptr` or `shared_ptr`
/// holding one.
bool isWorkGuardHolder(QualType T);

} // namespace clang::tidy::tether::model::asio

#endif // TETHER_CHECKS_MODEL_ASIO_H

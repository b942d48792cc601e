//===--- CallGraph.h - tether clang-tidy ------------------------*- C++ -*-===//
//
// The call graph of a translation unit and what each function does through
// every function it calls, at any depth: the summaries that let a check
// follow a task from its body down to a loop several calls below it.
//
// API:
//   CallGraph Graph(Ctx, Test);     // one per unit, built lazily
//   const FunctionSummary *S = Graph.summaryOf(Fn);
//     S->Reads / S->Writes          fields and globals read / written, here
//                                   or below (nested lambdas included)
//     S->Opaque, S->CallsIndirect   calls whose code is not known here
//     S->has(P), S->Witness[P]      a property of a statement here or below
//     S->Via[P]                     the call of Fn that leads to that
//                                   statement (null when Fn's own)
//   Graph.pathTo(Fn, P)             the calls from Fn down to the witness
//   Graph.facts(Stmt)               the same questions for one statement (a
//                                   loop) of a function, through its calls
//
// A summary is computed the first time it is asked for, with the summaries
// of every function it reaches; recursion is handled by strongly connected
// components (the functions of one cycle share what they reach). Functions
// are analysed as written: a template instantiation is summarised by its
// pattern. The graph knows no API: the properties beyond the built-in ones
// (a loop whose condition is always true, a way to leave a caller's loop)
// are defined by the client's statement test (model/CallSummaries.h).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_CALLGRAPH_H
#define TETHER_CHECKS_ANALYSIS_CALLGRAPH_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <array>
#include <functional>
#include <memory>

namespace clang::tidy::tether::analysis {

/// A property of statements, closed over calls: a function has it when one
/// of its statements, or of a function it calls at any depth, has it.
enum Property : unsigned {
  /// A while, do or for loop whose condition is always true.
  ForeverLoop,
  /// A while, do or for loop.
  AnyLoop,
  /// A throw or a [[noreturn]] call: a call of the function can leave the
  /// caller's loop.
  MayLeave,
  /// The first property the client's test may set.
  FirstClientProperty,
  NumProperties = 8
};

/// The properties one statement of a function's own code has (a bit per
/// Property). `InLambda`: the statement is in a lambda written in the
/// function, which may run elsewhere.
using StatementTest =
    std::function<unsigned(const Stmt *S, bool InLambda, ASTContext &Ctx)>;

/// True for a function of a library the client models rather than the graph
/// follows (besides the system headers and namespace std, always modelled).
using LibraryTest = std::function<bool(const FunctionDecl *F)>;

/// The definition of `Fn` as written: of the template pattern it was
/// instantiated from, if any; null without a body. A function is checked
/// once, in its code as written.
const FunctionDecl *definitionAsWritten(const FunctionDecl *Fn);

/// The field of the class template's pattern that `Field`, a field of one
/// of its specializations, was instantiated from (what the summaries of
/// definitions as written read and write); `Field` itself otherwise.
const FieldDecl *fieldAsWritten(const FieldDecl *Field);

/// The function a call goes to, as the graph follows it: its definition
/// with a body in this translation unit, as written (the template pattern of
/// an instantiation), outside system headers; null otherwise.
const FunctionDecl *followedCallee(const FunctionDecl *Callee);

/// A call one function makes to a function the graph follows.
struct CallEdge {
  const Expr *Call = nullptr; ///< a call or a construction
  const FunctionDecl *Callee = nullptr;
  /// The call is in a lambda written in the function, which may run
  /// elsewhere: the callee's reads and writes count, its properties not.
  bool InLambda = false;
};

/// What a statement or a function does, by its own code and through every
/// function it calls.
struct Facts {
  /// Fields and globals read, written (assigned, incremented, their
  /// address or a non-const reference taken, a non-const member called).
  llvm::SmallPtrSet<const ValueDecl *, 8> Reads, Writes;
  /// Functions called whose body is not in this translation unit, outside
  /// system headers: they may read or write anything they can reach.
  llvm::SmallPtrSet<const FunctionDecl *, 4> Opaque;
  /// A call whose target is not known: through a pointer, a
  /// `std::function`, a virtual member, or a call a template argument
  /// decides.
  bool CallsIndirect = false;
  /// For each Property, the first statement that has it (in the function
  /// whose own code holds it), and the call of this code that leads there
  /// (null when the statement is in this code).
  std::array<const Stmt *, NumProperties> Witness{};
  std::array<const Expr *, NumProperties> Via{};

  bool has(unsigned P) const { return Witness[P] != nullptr; }
  bool reads(const ValueDecl *D) const;
  bool writes(const ValueDecl *D) const;
};

/// The facts of one function, and the calls it makes.
struct FunctionSummary : Facts {
  const FunctionDecl *Fn = nullptr;
  llvm::SmallVector<CallEdge, 4> Calls;
};

class CallGraph {
public:
  CallGraph(ASTContext &Ctx, StatementTest Test, LibraryTest IsModelled);
  ~CallGraph();

  /// The summary of `Fn` (through followedCallee); null if it has no body
  /// here.
  const FunctionSummary *summaryOf(const FunctionDecl *Fn);

  /// What `S`, a statement of a function (a loop, a condition), does
  /// through its own code and the functions it calls, as a summary counts
  /// it.
  Facts facts(const Stmt *S);

  /// The calls from `Fn` down to the witness of `P` (empty if `Fn` has it
  /// itself), each in the function the previous one calls.
  llvm::SmallVector<const Expr *, 4> pathTo(const FunctionDecl *Fn, unsigned P);

private:
  struct Walker;
  FunctionSummary &summarize(const FunctionDecl *Fn);

  /// The followed callee of `Callee`, unless the client models it.
  const FunctionDecl *follow(const FunctionDecl *Callee) const;

  ASTContext &Ctx;
  StatementTest Test;
  LibraryTest IsModelled;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  /// Tarjan's bookkeeping for the functions whose summary is in progress.
  llvm::DenseMap<const FunctionDecl *, unsigned> Index, LowLink;
  llvm::SmallVector<const FunctionDecl *, 8> Stack;
  llvm::SmallPtrSet<const FunctionDecl *, 8> OnStack;
  unsigned NextIndex = 0;
};

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_CALLGRAPH_H

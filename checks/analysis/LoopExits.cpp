//===--- LoopExits.cpp - tether clang-tidy --------------------------------===//

#include "LoopExits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::tether::analysis {

static bool isConstantTrue(const Expr *Cond, ASTContext &Ctx) {
  if (!Cond)
    return true; // for (;;)
  if (Cond->isValueDependent() || Cond->containsErrors())
    return false;
  bool Value = false;
  return Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value;
}

/// The first statement in `S` that leaves the loop it belongs to; `Nested`
/// is set inside an inner loop or switch, where `break` stays inside.
static const Stmt *findExit(const Stmt *S, bool Nested) {
  if (!S)
    return nullptr;
  if (isa<BreakStmt>(S))
    return Nested ? nullptr : S;
  if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt, IndirectGotoStmt,
          CoawaitExpr, CoyieldExpr>(S))
    return S;
  if (isa<LambdaExpr>(S))
    return nullptr; // a lambda's body runs elsewhere
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isNoReturn())
      return S;
  bool Inner =
      Nested || isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (const Stmt *Exit = findExit(Child, Inner))
      return Exit;
  return nullptr;
}

/// True if something in `S` leaves the loop it belongs to.
static bool hasExit(const Stmt *S, bool Nested) {
  return findExit(S, Nested) != nullptr;
}

bool loopNeverExits(const Stmt *Loop, ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
    if (!Cond)
      return false;
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
    if (!Cond)
      return false;
  } else if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
    if (hasExit(For->getInc(), false))
      return false;
  } else {
    return false;
  }
  return isConstantTrue(Cond, Ctx) && !hasExit(Body, false);
}

bool loopBodyHasExit(const Stmt *Body) { return hasExit(Body, false); }

const Stmt *findForeverLoop(const Stmt *Body, ASTContext &Ctx) {
  if (!Body || isa<LambdaExpr>(Body))
    return nullptr;
  if (isa<WhileStmt, DoStmt, ForStmt>(Body) && loopNeverExits(Body, Ctx))
    return Body;
  for (const Stmt *Child : Body->children())
    if (const Stmt *Found = findForeverLoop(Child, Ctx))
      return Found;
  return nullptr;
}

const Expr *getLoopCondition(const Stmt *Loop) {
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    return Do->getCond();
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    return For->getCond();
  return nullptr;
}

bool isConstantTrueCondition(const Expr *Cond, ASTContext &Ctx) {
  return isConstantTrue(Cond, Ctx);
}

const Stmt *findLoopExit(const Stmt *Loop) {
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    return findExit(While->getBody(), false);
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    return findExit(Do->getBody(), false);
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop)) {
    if (const Stmt *Exit = findExit(For->getInc(), false))
      return Exit;
    return findExit(For->getBody(), false);
  }
  return nullptr;
}

/// True if `S` throws or calls a [[noreturn]] function outside nested
/// lambdas.
static bool throwsOrEnds(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isNoReturn())
      return true;
  for (const Stmt *Child : S->children())
    if (throwsOrEnds(Child))
      return true;
  return false;
}

bool calleeMayLeave(const FunctionDecl *Callee) {
  if (!Callee)
    return false;
  if (Callee->isNoReturn())
    return true;
  const FunctionDecl *Def = nullptr;
  return Callee->hasBody(Def) && throwsOrEnds(Def->getBody());
}

} // namespace clang::tidy::tether::analysis

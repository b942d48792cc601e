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

/// True if something in `S` leaves the loop it belongs to; `Nested` is set
/// inside an inner loop or switch, where `break` stays inside.
static bool hasExit(const Stmt *S, bool Nested) {
  if (!S)
    return false;
  if (isa<BreakStmt>(S))
    return !Nested;
  if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt, IndirectGotoStmt,
          CoawaitExpr, CoyieldExpr>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false; // a lambda's body runs elsewhere
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isNoReturn())
      return true;
  bool Inner =
      Nested || isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (hasExit(Child, Inner))
      return true;
  return false;
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

} // namespace clang::tidy::tether::analysis

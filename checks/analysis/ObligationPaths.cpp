//===--- ObligationPaths.cpp - tether clang-tidy --------------------------===//

#include "ObligationPaths.h"
#include "ParentIndex.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::analysis {

FunctionPaths::FunctionPaths(std::unique_ptr<CFG> Graph, const Stmt *Body,
                             SourceLocation End, ASTContext &Ctx)
    : Graph(std::move(Graph)), Body(Body), End(End), Ctx(Ctx) {
  for (const CFGBlock *Block : *this->Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
        Where.try_emplace(S->getStmt(), Block, Index);
      ++Index;
    }
  }
}

std::unique_ptr<FunctionPaths> FunctionPaths::build(const FunctionDecl *FD,
                                                    ASTContext &Ctx) {
  if (!FD || FD->isInvalidDecl() || !FD->hasBody())
    return nullptr;
  Stmt *Body = FD->getBody();
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  if (!Body || (isa<Expr>(Body) && cast<Expr>(Body)->containsErrors()))
    return nullptr;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  std::unique_ptr<CFG> Graph = CFG::buildCFG(FD, Body, &Ctx, Options);
  if (!Graph)
    return nullptr;
  SourceLocation End = Body->getEndLoc();
  return std::unique_ptr<FunctionPaths>(
      new FunctionPaths(std::move(Graph), Body, End, Ctx));
}

const Stmt *FunctionPaths::element(const Stmt *S) const {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Depth = 0; S && Depth < MaxAncestorDepth; ++Depth) {
    if (Where.count(S))
      return S;
    DynTypedNodeList Parents = ParentIndex::of(Ctx).parents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    // Step over declarations (a DeclStmt's variable) to their statement.
    while (!Node.get<Stmt>()) {
      DynTypedNodeList Up = ParentIndex::of(Ctx).parents(Node);
      if (Up.empty() || Node.get<FunctionDecl>())
        return nullptr;
      Node = Up[0];
    }
    S = Node.get<Stmt>();
  }
  return nullptr;
}

static std::optional<LeakingExit> exitOf(const CFGBlock &Block,
                                         SourceLocation End) {
  if (const Stmt *Terminator = Block.getTerminatorStmt())
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(Terminator))
      return LeakingExit{ExitKind::Throw, Throw->getThrowLoc()};
  for (const auto *It = Block.rbegin(); It != Block.rend(); ++It)
    if (std::optional<CFGStmt> S = It->getAs<CFGStmt>()) {
      if (const auto *Return = dyn_cast<ReturnStmt>(S->getStmt()))
        return LeakingExit{ExitKind::Return, Return->getReturnLoc()};
      if (isa<CXXThrowExpr>(S->getStmt()))
        return LeakingExit{ExitKind::Throw, S->getStmt()->getBeginLoc()};
    }
  return LeakingExit{ExitKind::FallOff, End};
}

std::optional<LeakingExit> FunctionPaths::findUndischargedExit(
    const Stmt *Start, const llvm::SmallPtrSetImpl<const Stmt *> &Discharges,
    MayThrowFn MayThrow) {
  const Stmt *StartElement = element(Start);
  if (!StartElement)
    return std::nullopt;
  llvm::SmallPtrSet<const Stmt *, 16> Points;
  for (const Stmt *S : Discharges)
    if (const Stmt *E = element(S))
      Points.insert(E);

  const auto [StartBlock, StartIndex] = Where.lookup(StartElement);
  return search(StartBlock, StartIndex + 1, StartElement, Points, MayThrow);
}

std::optional<LeakingExit> FunctionPaths::findUndischargedExitFromEntry(
    const llvm::SmallPtrSetImpl<const Stmt *> &Discharges,
    MayThrowFn MayThrow) {
  llvm::SmallPtrSet<const Stmt *, 16> Points;
  for (const Stmt *S : Discharges)
    if (const Stmt *E = element(S))
      Points.insert(E);
  return search(&Graph->getEntry(), 0, nullptr, Points, MayThrow);
}

bool FunctionPaths::reaches(const Stmt *From, const Stmt *To) {
  const Stmt *FromElement = element(From), *ToElement = element(To);
  if (!FromElement || !ToElement)
    return false;
  const auto [Block, Index] = Where.lookup(FromElement);
  for (unsigned I = Index + 1; I < Block->size(); ++I)
    if (std::optional<CFGStmt> S = (*Block)[I].getAs<CFGStmt>())
      if (S->getStmt() == ToElement)
        return true;
  llvm::SmallVector<const CFGBlock *, 16> Work(Block->succ_begin(),
                                               Block->succ_end());
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  while (!Work.empty()) {
    const CFGBlock *Next = Work.pop_back_val();
    if (!Next || !Seen.insert(Next).second)
      continue;
    for (const CFGElement &Element : *Next)
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
        if (S->getStmt() == ToElement)
          return true;
    Work.append(Next->succ_begin(), Next->succ_end());
  }
  return false;
}

std::optional<LeakingExit> FunctionPaths::search(
    const CFGBlock *StartBlock, unsigned StartIndex, const Stmt *StartElement,
    const llvm::SmallPtrSetImpl<const Stmt *> &Points, MayThrowFn MayThrow) {
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  Work.push_back({StartBlock, StartIndex});
  const CFGBlock *Exit = &Graph->getExit();
  while (!Work.empty()) {
    auto [Block, From] = Work.pop_back_val();
    bool Stop = false;
    for (unsigned I = From; I < Block->size() && !Stop; ++I) {
      std::optional<CFGStmt> S = (*Block)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      const Stmt *Current = S->getStmt();
      if (Points.count(Current) || Current == StartElement)
        Stop = true; // discharged, or a new obligation replaces this one
      else if (const auto *CoReturn = dyn_cast<CoreturnStmt>(Current))
        return LeakingExit{ExitKind::CoReturn, CoReturn->getKeywordLoc()};
      else if (MayThrow && MayThrow(Current))
        return LeakingExit{ExitKind::ThrowingCall, Current->getBeginLoc()};
    }
    if (Stop || Block->hasNoReturnElement())
      continue;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      const CFGBlock *Next = Succ.getReachableBlock();
      if (!Next)
        continue;
      if (Next == Exit) {
        // A try's dispatch block reaches the exit for exceptions that no
        // handler catches; which ones those are is not known: precise first.
        if (isa_and_nonnull<CXXTryStmt>(Block->getTerminatorStmt()))
          continue;
        // A return written by a system header's macro (gtest's ASSERT_*, a
        // logging CHECK) is that macro's failure exit: nobody acts on it.
        std::optional<LeakingExit> Leak = exitOf(*Block, End);
        if (Leak->Loc.isMacroID() &&
            Ctx.getSourceManager().isInSystemMacro(Leak->Loc))
          continue;
        return Leak;
      }
      if (Seen.insert(Next).second)
        Work.push_back({Next, 0});
    }
  }
  return std::nullopt;
}

} // namespace clang::tidy::tether::analysis

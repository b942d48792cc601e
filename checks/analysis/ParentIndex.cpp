//===--- ParentIndex.cpp - tether clang-tidy ------------------------------===//

#include "ParentIndex.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace clang::tidy::tether::analysis {

namespace {

bool isLambdaCallOperator(const Decl *D) {
  const auto *Method = dyn_cast<CXXMethodDecl>(D);
  return Method && Method->getParent()->isLambda();
}

/// True if `D` is written inside a function (or block), lambdas included.
bool isInsideFunction(const Decl *D) {
  for (const DeclContext *DC = D->getLexicalDeclContext(); DC;
       DC = DC->getLexicalParent())
    if (DC->isFunctionOrMethod())
      return true;
  return false;
}

/// A declaration that owns code and lies in no function: see the header.
bool isRoot(const Decl *D) {
  if (const auto *Fn = dyn_cast<FunctionDecl>(D))
    return Fn->doesThisDeclarationHaveABody() && !isLambdaCallOperator(Fn) &&
           !isInsideFunction(Fn);
  if (const auto *Var = dyn_cast<VarDecl>(D))
    return !isa<ParmVarDecl>(Var) && Var->hasInit() && !isInsideFunction(Var);
  if (const auto *Field = dyn_cast<FieldDecl>(D))
    return Field->hasInClassInitializer() && !isInsideFunction(Field);
  return false;
}

/// The declaration `D`'s code lies in: a lambda's class lies in the
/// declaration whose initialiser holds it (a global or a field), anything
/// else in its lexical context. Null above the translation unit.
const Decl *enclosingDecl(const Decl *D) {
  if (const auto *Lambda = dyn_cast<CXXRecordDecl>(D);
      Lambda && Lambda->isLambda())
    if (Decl *Holder = Lambda->getLambdaContextDecl())
      return Holder;
  return dyn_cast_or_null<Decl>(D->getLexicalDeclContext());
}

/// The root whose code contains `D`, or null.
const Decl *rootOf(const Decl *D) {
  for (; D && !isa<TranslationUnitDecl>(D); D = enclosingDecl(D))
    if (isRoot(D))
      return D;
  return nullptr;
}

struct ThreadIndex {
  ASTContext *Ctx = nullptr;
  std::unique_ptr<ParentIndex> Index;
};
thread_local ThreadIndex Current;

bool traceFallbacks() {
  static const bool Trace = std::getenv("TETHER_TIDY_TRACE_PARENTS");
  return Trace;
}

} // namespace

/// Records each node's parent as ParentMapContext's builder does: the same
/// traversal (implicit code and template instantiations included, data
/// recursion for statements), keeping declarations, statements and
/// constructor initialisers.
class ParentCollector : public RecursiveASTVisitor<ParentCollector> {
public:
  explicit ParentCollector(ParentIndex &Index) : Index(Index) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    return under(D, [&] { return RecursiveASTVisitor::TraverseDecl(D); });
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    return under(Init, [&] {
      return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
    });
  }
  bool dataTraverseStmtPre(Stmt *S) {
    enter(S, DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

private:
  /// Runs the base traversal of `Node` with `Node` as the parent of what it
  /// visits.
  template <class T, class Base> bool under(T *Node, Base Traverse) {
    if (!Node)
      return true;
    enter(Node, DynTypedNode::create(*Node));
    bool Result = Traverse();
    Stack.pop_back();
    return Result;
  }
  void enter(const void *Key, const DynTypedNode &Node) {
    if (!Stack.empty())
      addParent(Key, Stack.back());
    Stack.push_back(Node);
  }
  void addParent(const void *Key, const DynTypedNode &Parent) {
    auto [It, Inserted] = Index.First.try_emplace(Key, Parent);
    if (Inserted || It->second == Parent)
      return;
    auto &All = Index.Extra[Key];
    if (!All) {
      All = std::make_unique<llvm::SmallVector<DynTypedNode, 2>>();
      All->push_back(It->second);
    }
    if (!llvm::is_contained(*All, Parent))
      All->push_back(Parent);
  }

  ParentIndex &Index;
  llvm::SmallVector<DynTypedNode, 32> Stack;
};

ParentIndex &ParentIndex::of(ASTContext &Ctx) {
  if (Current.Ctx != &Ctx) {
    Current.Ctx = &Ctx;
    Current.Index.reset(new ParentIndex(Ctx));
  }
  return *Current.Index;
}

void ParentIndex::forget() { Current = ThreadIndex(); }

/// The root matcher. It notes each root as the finder reaches it and never
/// matches: a match would cost a match result and a check's callback for
/// each of the thousands of roots of a translation unit.
class RootRecorder : public ast_matchers::internal::MatcherInterface<Decl> {
public:
  bool matches(const Decl &Node, ast_matchers::internal::ASTMatchFinder *Finder,
               ast_matchers::internal::BoundNodesTreeBuilder *) const override {
    if (isRoot(&Node))
      ParentIndex::of(Finder->getASTContext()).CurrentRoot = &Node;
    return false;
  }
};

void ParentIndex::registerRootMatcher(
    ast_matchers::MatchFinder *Finder,
    ast_matchers::MatchFinder::MatchCallback *Check) {
  const ast_matchers::internal::DynTypedMatcher Recorder(
      ast_matchers::internal::Matcher<Decl>(new RootRecorder));
  // One per kind of root, so that the finder runs it only on those.
  for (ASTNodeKind Kind : {ASTNodeKind::getFromNodeKind<FunctionDecl>(),
                           ASTNodeKind::getFromNodeKind<VarDecl>(),
                           ASTNodeKind::getFromNodeKind<FieldDecl>()})
    Finder->addMatcher(Recorder.dynCastTo(Kind).unconditionalConvertTo<Decl>(),
                       Check);
}

const Stmt *
ParentIndex::matchedStmt(const ast_matchers::MatchFinder::MatchResult &Result) {
  for (const auto &[Id, Node] : Result.Nodes.getMap())
    if (const auto *S = Node.get<Stmt>())
      return S;
  return nullptr;
}

void ParentIndex::build(const Decl *Root) {
  if (!Root || !Built.insert(Root).second)
    return;
  ParentCollector(*this).TraverseDecl(const_cast<Decl *>(Root));
}

void ParentIndex::indexRootOf(const Decl *D) { build(rootOf(D)); }

static const void *keyOf(const DynTypedNode &Node) {
  if (const auto *S = Node.get<Stmt>())
    return S;
  if (const auto *D = Node.get<Decl>())
    return D;
  return Node.get<CXXCtorInitializer>();
}

bool ParentIndex::lookup(const DynTypedNode &Node, DynTypedNodeList &Out) {
  const void *Key = keyOf(Node);
  if (!Key)
    return false;
  for (int Attempt = 0; Attempt < 2; ++Attempt) {
    if (auto Many = Extra.find(Key); Many != Extra.end()) {
      Out = DynTypedNodeList(llvm::ArrayRef(*Many->second));
      return true;
    }
    if (auto One = First.find(Key); One != First.end()) {
      Out = DynTypedNodeList(One->second);
      return true;
    }
    if (Attempt == 0) {
      // Not mapped yet: the matched node's root, or a declaration's own.
      const Decl *D = Node.get<Decl>();
      const Decl *Root = D ? rootOf(D) : CurrentRoot;
      if (!Root || Built.contains(Root))
        return false;
      build(Root);
    }
  }
  return false;
}

DynTypedNodeList ParentIndex::parents(const DynTypedNode &Node) {
  DynTypedNodeList Found{DynTypedNode()};
  if (lookup(Node, Found))
    return Found;
  if (const auto *D = Node.get<Decl>()) {
    // Outside code, or the root itself: the enclosing declaration context.
    if (const auto *Context =
            dyn_cast_or_null<Decl>(D->getLexicalDeclContext()))
      return DynTypedNodeList(DynTypedNode::create(*Context));
    return DynTypedNodeList(llvm::ArrayRef<DynTypedNode>());
  }
  // A statement in no root (a default argument of a declaration without a
  // body, a template argument): only the whole-TU map knows.
  if (traceFallbacks())
    llvm::errs() << "tether: parent index fallback for "
                 << Node.getNodeKind().asStringRef() << "\n";
  return Ctx.getParents(Node);
}

template <class Pred>
DynTypedNode ParentIndex::firstAncestor(const Stmt *S, Pred Matches) {
  DynTypedNode Found;
  forEachAncestor(S, Ctx,
                  [&](const DynTypedNode &Parent, const DynTypedNode &) {
                    if (Matches(Parent))
                      Found = Parent;
                    return Found.getNodeKind().isNone();
                  });
  return Found;
}

const FunctionDecl *ParentIndex::enclosingFunction(const Stmt *S) {
  // A block is a callable too, but not a function.
  DynTypedNode Callable = firstAncestor(S, [](const DynTypedNode &N) {
    return N.get<FunctionDecl>() || N.get<LambdaExpr>() || N.get<BlockDecl>();
  });
  if (const auto *Lambda = Callable.get<LambdaExpr>())
    return Lambda->getCallOperator();
  return Callable.get<FunctionDecl>();
}

bool ParentIndex::isInTemplateInstantiation(const Stmt *S) {
  DynTypedNode Owner =
      firstAncestor(S, [](const DynTypedNode &N) { return N.get<Decl>(); });
  const auto *D = Owner.get<Decl>();
  return D && analysis::isInTemplateInstantiation(D);
}

llvm::SmallVector<const Stmt *, 16>
ancestorsBelow(const Stmt *S, const Stmt *Body, ASTContext &Ctx) {
  llvm::SmallVector<const Stmt *, 16> Chain;
  forEachAncestor(S, Ctx,
                  [&](const DynTypedNode &Parent, const DynTypedNode &) {
                    if (Parent.get<FunctionDecl>())
                      return false;
                    const Stmt *P = Parent.get<Stmt>();
                    if (!P)
                      return Parent.get<Decl>() != nullptr;
                    if (P == Body)
                      return false;
                    Chain.push_back(P);
                    return true;
                  });
  return Chain;
}

static bool isInstantiation(const Decl *D) {
  TemplateSpecializationKind Kind = TSK_Undeclared;
  if (const auto *Fn = dyn_cast<FunctionDecl>(D))
    Kind = Fn->getTemplateSpecializationKind();
  else if (const auto *Record = dyn_cast<CXXRecordDecl>(D))
    Kind = Record->getTemplateSpecializationKind();
  return Kind == TSK_ImplicitInstantiation ||
         Kind == TSK_ExplicitInstantiationDefinition;
}

bool isInTemplateInstantiation(const Decl *D) {
  for (; D && !isa<TranslationUnitDecl>(D); D = enclosingDecl(D))
    if (isInstantiation(D))
      return true;
  return false;
}

const FunctionDecl *outermostFunction(const FunctionDecl *Fn) {
  while (Fn && isLambdaCallOperator(Fn)) {
    const auto *Outer =
        dyn_cast_or_null<FunctionDecl>(cast<CXXMethodDecl>(Fn)
                                           ->getParent()
                                           ->getDeclContext()
                                           ->getNonClosureAncestor());
    if (!Outer)
      return Fn;
    Fn = Outer;
  }
  return Fn;
}

} // namespace clang::tidy::tether::analysis

//===--- Matchers.cpp - tether clang-tidy ---------------------------------===//

#include "Matchers.h"
#include <memory>
#include <tuple>

namespace clang::tidy::tether::model {

using ast_matchers::MatchFinder;
namespace internal = ast_matchers::internal;

NodeRole<CallExpr> calleeRole(llvm::StringRef Id,
                              std::function<bool(const FunctionDecl &)> Test) {
  return {Id, [Test = std::move(Test)](const CallExpr &Call) {
            const FunctionDecl *Callee = Call.getDirectCallee();
            return Callee && Test(*Callee);
          }};
}

namespace {

template <class T> struct CheckRoles {
  MatchFinder::MatchCallback *Check;
  std::vector<NodeRole<T>> Roles;
};

/// Binds `Node` to the id of each role of `Roles` it plays; false if none.
template <class T>
bool bindRoles(const std::vector<NodeRole<T>> &Roles, const T &Node,
               internal::BoundNodesTreeBuilder &Builder) {
  bool Plays = false;
  for (const NodeRole<T> &R : Roles)
    if (R.PlayedBy(Node)) {
      Builder.setBinding(R.Id, DynTypedNode::create(Node));
      Plays = true;
    }
  return Plays;
}

/// Hands each match of a builder to one check, as the finder would.
class ForwardMatch : public internal::BoundNodesTreeBuilder::Visitor {
public:
  ForwardMatch(MatchFinder::MatchCallback *Check, ASTContext *Ctx)
      : Check(Check), Ctx(Ctx) {}
  void visitMatch(const ast_matchers::BoundNodes &Nodes) override {
    Check->run(MatchFinder::MatchResult(Nodes, Ctx));
  }

private:
  MatchFinder::MatchCallback *Check;
  ASTContext *Ctx;
};

/// The roles every check of one match finder added, and the callback of the
/// finder's role matchers: it calls back each check whose roles the matched
/// node plays. The role matchers own it, so it lives as long as the finder.
class RoleDispatch : public MatchFinder::MatchCallback {
public:
  /// The dispatch of `Finder`, made on first use.
  static std::shared_ptr<RoleDispatch> of(MatchFinder *Finder);

  template <class T> std::vector<CheckRoles<T>> &entries() {
    return std::get<std::vector<CheckRoles<T>>>(Entries);
  }

  void run(const MatchFinder::MatchResult &Result) override {
    dispatch<CallExpr>(Result) || dispatch<CXXConstructExpr>(Result);
  }
  // Names the bucket of --enable-check-profile that times the role tests.
  llvm::StringRef getID() const override { return "tether-role-matchers"; }

private:
  template <class T> bool dispatch(const MatchFinder::MatchResult &Result) {
    const T *Node = Result.Nodes.getNodeAs<T>(NodeId);
    if (!Node)
      return false;
    for (const CheckRoles<T> &Entry : entries<T>()) {
      internal::BoundNodesTreeBuilder Builder;
      if (!bindRoles(Entry.Roles, *Node, Builder))
        continue;
      ForwardMatch Forward(Entry.Check, Result.Context);
      Builder.visitMatches(&Forward);
    }
    return true;
  }

  static constexpr llvm::StringLiteral NodeId = "tether-role-node";
  std::tuple<std::vector<CheckRoles<CallExpr>>,
             std::vector<CheckRoles<CXXConstructExpr>>>
      Entries;

  template <class T> friend class AnyRoleMatcher;
};

std::shared_ptr<RoleDispatch> RoleDispatch::of(MatchFinder *Finder) {
  // A finder's checks register one after another on one thread. If another
  // finder registers in between, the first gets a second dispatch: slower,
  // never wrong.
  thread_local MatchFinder *Owner = nullptr;
  thread_local std::weak_ptr<RoleDispatch> Current;
  std::shared_ptr<RoleDispatch> Dispatch = Current.lock();
  if (!Dispatch || Owner != Finder) {
    Dispatch = std::make_shared<RoleDispatch>();
    Current = Dispatch;
    Owner = Finder;
  }
  return Dispatch;
}

/// Matches the nodes of kind `T` without compile errors that play a role of
/// any check; the dispatch then works out whose.
template <class T> class AnyRoleMatcher : public internal::MatcherInterface<T> {
public:
  explicit AnyRoleMatcher(std::shared_ptr<RoleDispatch> Dispatch)
      : Dispatch(std::move(Dispatch)) {}

  bool matches(const T &Node, internal::ASTMatchFinder *,
               internal::BoundNodesTreeBuilder *Builder) const override {
    if (Node.containsErrors())
      return false;
    for (const CheckRoles<T> &Entry : Dispatch->entries<T>())
      for (const NodeRole<T> &R : Entry.Roles)
        if (R.PlayedBy(Node)) {
          Builder->setBinding(RoleDispatch::NodeId, DynTypedNode::create(Node));
          return true;
        }
    return false;
  }

private:
  std::shared_ptr<RoleDispatch> Dispatch;
};

} // namespace

template <class T>
void addRoleMatcher(MatchFinder *Finder, std::vector<NodeRole<T>> Roles,
                    MatchFinder::MatchCallback *Check) {
  std::shared_ptr<RoleDispatch> Dispatch = RoleDispatch::of(Finder);
  std::vector<CheckRoles<T>> &Entries = Dispatch->entries<T>();
  Entries.push_back({Check, std::move(Roles)});
  if (Entries.size() > 1)
    return;
  // Registered as is, not under `callExpr(...)`, which would wrap it in one
  // more matcher to run.
  internal::DynTypedMatcher Matcher(
      internal::Matcher<T>(new AnyRoleMatcher<T>(Dispatch)));
  Finder->addMatcher(Matcher.dynCastTo(ASTNodeKind::getFromNodeKind<Stmt>())
                         .template unconditionalConvertTo<Stmt>(),
                     Dispatch.get());
}

template void addRoleMatcher<CallExpr>(MatchFinder *,
                                       std::vector<NodeRole<CallExpr>>,
                                       MatchFinder::MatchCallback *);
template void
addRoleMatcher<CXXConstructExpr>(MatchFinder *,
                                 std::vector<NodeRole<CXXConstructExpr>>,
                                 MatchFinder::MatchCallback *);

} // namespace clang::tidy::tether::model

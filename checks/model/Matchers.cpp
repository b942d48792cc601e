//===--- Matchers.cpp - tether clang-tidy ---------------------------------===//

#include "Matchers.h"

namespace clang::tidy::tether::model {

NodeRole<CallExpr> calleeRole(llvm::StringRef Id,
                              std::function<bool(const FunctionDecl &)> Test) {
  return {Id, [Test = std::move(Test)](const CallExpr &Call) {
            const FunctionDecl *Callee = Call.getDirectCallee();
            return Callee && Test(*Callee);
          }};
}

} // namespace clang::tidy::tether::model

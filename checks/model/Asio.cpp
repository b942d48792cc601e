//===--- Asio.cpp - tether clang-tidy -------------------------------------===//

#include "Asio.h"
#include "ApiModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::tether::model::asio {

const llvm::StringLiteral TimerStartStopPairs =
    "asio::basic_waitable_timer::async_wait="
    "asio::basic_waitable_timer::cancel;"
    "boost::asio::basic_waitable_timer::async_wait="
    "boost::asio::basic_waitable_timer::cancel;"
    "asio::basic_deadline_timer::async_wait="
    "asio::basic_deadline_timer::cancel;"
    "boost::asio::basic_deadline_timer::async_wait="
    "boost::asio::basic_deadline_timer::cancel;"
    "asio::basic_signal_set::async_wait=asio::basic_signal_set::cancel;"
    "boost::asio::basic_signal_set::async_wait="
    "boost::asio::basic_signal_set::cancel";

bool isInAsio(const Decl *D) {
  for (const DeclContext *DC = D ? D->getDeclContext() : nullptr; DC;
       DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || NS->isInline() || !NS->getIdentifier() ||
        NS->getName() != "asio")
      continue;
    const DeclContext *Outer = NS->getParent();
    while (isa_and_nonnull<NamespaceDecl>(Outer) &&
           cast<NamespaceDecl>(Outer)->isInline())
      Outer = Outer->getParent();
    if (!Outer || Outer->isTranslationUnit())
      return true;
    const auto *Boost = dyn_cast<NamespaceDecl>(Outer);
    return Boost && Boost->getIdentifier() && Boost->getName() == "boost" &&
           Boost->getParent()->isTranslationUnit();
  }
  return false;
}

/// True if `F` is the member `Names` of the event loop class.
static bool isEventLoopMember(const FunctionDecl *F,
                              std::initializer_list<llvm::StringRef> Names) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(F);
  if (!Method || !Method->getIdentifier() ||
      !llvm::is_contained(Names, Method->getName()))
    return false;
  const CXXRecordDecl *Class = Method->getParent();
  return Class->getIdentifier() &&
         (Class->getName() == "io_context" ||
          Class->getName() == "io_service") &&
         isInAsio(Class);
}

bool isEventLoopRun(const FunctionDecl *F) {
  return isEventLoopMember(F, {"run", "run_one"});
}

bool isEventLoopStop(const FunctionDecl *F) {
  return isEventLoopMember(F, {"stop"});
}

bool isWorkGuardHolder(QualType T) {
  const CXXRecordDecl *Class = getRecord(T);
  if (!Class || !Class->getIdentifier())
    return false;
  StringRef Name = Class->getName();
  if (isInStd(Class) &&
      (Name == "optional" || Name == "unique_ptr" || Name == "shared_ptr")) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class);
    return Spec && Spec->getTemplateArgs().size() >= 1 &&
           Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
           isWorkGuardHolder(Spec->getTemplateArgs()[0].getAsType());
  }
  if (Name != "executor_work_guard" && Name != "work")
    return false;
  if (Name == "work") {
    const auto *Outer = dyn_cast<CXXRecordDecl>(Class->getDeclContext());
    if (!Outer || !Outer->getIdentifier() ||
        (Outer->getName() != "io_context" && Outer->getName() != "io_service"))
      return false;
  }
  return isInAsio(Class);
}

} // namespace clang::tidy::tether::model::asio

//===--- Annotations.cpp - tether clang-tidy ------------------------------===//

#include "Annotations.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::model {

static bool hasOwnRole(const Decl *D, llvm::StringRef Role) {
  for (const Decl *Redecl : D->redecls())
    for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>())
      if (Attr->getAnnotation() == Role)
        return true;
  return false;
}

bool hasRole(const Decl *D, llvm::StringRef Role) {
  if (!D)
    return false;
  if (hasOwnRole(D, Role))
    return true;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      if (Pattern != FD && hasOwnRole(Pattern, Role))
        return true;
    if (const FunctionTemplateDecl *Primary = FD->getPrimaryTemplate())
      if (hasOwnRole(Primary->getTemplatedDecl(), Role))
        return true;
    if (const FunctionDecl *Member = FD->getInstantiatedFromMemberFunction())
      if (hasOwnRole(Member, Role))
        return true;
  }
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
    if (const ClassTemplateDecl *Template = Spec->getSpecializedTemplate())
      if (hasOwnRole(Template->getTemplatedDecl(), Role))
        return true;
  if (const auto *Template = dyn_cast<TemplateDecl>(D))
    if (const NamedDecl *Templated = Template->getTemplatedDecl())
      return hasOwnRole(Templated, Role);
  return false;
}

std::string qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  const DeclContext *DC = D->getDeclContext();
  if (D->getDeclName().isIdentifier())
    Parts.push_back(D->getName());
  else
    return D->getQualifiedNameAsString();
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        continue;
      Parts.push_back(RD->getName());
    } else if (isa<LinkageSpecDecl>(DC)) {
      continue;
    } else {
      break; // function-local declarations keep their short name
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

NameList::NameList(llvm::StringRef Option) : Raw(Option.str()) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Option.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    Item.consume_front("::");
    if (!Item.empty())
      Names.push_back(Item.str());
  }
}

bool NameList::contains(const NamedDecl *D) const {
  if (Names.empty() || !D)
    return false;
  const std::string Name = qualifiedName(D);
  for (const std::string &Candidate : Names)
    if (Candidate == Name)
      return true;
  return false;
}

} // namespace clang::tidy::tether::model

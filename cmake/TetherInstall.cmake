# cmake --install (docs/integration.md, "Install"): the runtime as a CMake
# package (find_package(tether CONFIG) -> tether::tether) and a pkg-config
# file, both in component dev; the docs, which the report tools read for
# rule help, in component tools. lib/ and checks/tools/ install their own
# targets. Every installed path is relative to the prefix, so that an
# installed tree (or an unpacked .deb) can be moved.
include(CMakePackageConfigHelpers)

set(TETHER_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tether)

install(EXPORT tether-targets NAMESPACE tether::
  DESTINATION ${TETHER_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(cmake/tether-config.cmake.in
  ${PROJECT_BINARY_DIR}/tether-config.cmake
  INSTALL_DESTINATION ${TETHER_CMAKE_DIR})
# 0.x: a new minor may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tether-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tether-config.cmake
  ${PROJECT_BINARY_DIR}/tether-config-version.cmake
  DESTINATION ${TETHER_CMAKE_DIR} COMPONENT dev)

# pkg-config: the prefix is found from the .pc file's own place.
file(RELATIVE_PATH TETHER_PC_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/tether.pc.in ${PROJECT_BINARY_DIR}/tether.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/tether.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The docs sit where the report tools look for them: tether's tree is
# mirrored under share/tether (checks/tools/ and docs/).
if(NOT TETHER_RUNTIME_ONLY)
  install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tether/docs
    COMPONENT tools)
  install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tools)
endif()

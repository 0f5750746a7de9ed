# SPDX-License-Identifier: Apache-2.0
#
# connectdesk_add_module(<name> SOURCES ... [LIBS ...])
#   A core engine module: static, position-independent library `connectdesk_<name>`.
#
# connectdesk_add_plugin(<id> SOURCES ... METADATA <file.json.in> [OUTPUT_DIR <dir>] [NO_INSTALL])
#   A connector plugin: a Qt plugin module `connectdesk_plugin_<id>` linking only the SDK,
#   with its JSON metadata generated from <file.json.in> (@PROJECT_VERSION@, @API_VERSION@),
#   built into the plugin folder of the build tree and installed into the versioned plugin
#   folder.
#
# connectdesk_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT s])

function(connectdesk_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_library(connectdesk_${name} STATIC ${ARG_SOURCES})
    set_target_properties(connectdesk_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_include_directories(connectdesk_${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(connectdesk_${name} PUBLIC connectdesk_api ${ARG_LIBS})
endfunction()

function(connectdesk_add_plugin id)
    cmake_parse_arguments(ARG "NO_INSTALL" "METADATA;OUTPUT_DIR" "SOURCES" ${ARGN})
    set(target connectdesk_plugin_${id})
    set(API_VERSION ${CONNECTDESK_PLUGIN_API_MAJOR})
    configure_file(${ARG_METADATA} ${CMAKE_CURRENT_BINARY_DIR}/${id}.json @ONLY)
    qt_add_plugin(${target} SHARED CLASS_NAME ${id})
    target_sources(${target} PRIVATE ${ARG_SOURCES})
    target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_BINARY_DIR})
    target_link_libraries(${target} PRIVATE connectdesk_api)
    if(NOT ARG_OUTPUT_DIR)
        set(ARG_OUTPUT_DIR ${CONNECTDESK_PLUGIN_BUILD_DIR})
    endif()
    set_target_properties(${target} PROPERTIES
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR})
    if(NOT ARG_NO_INSTALL)
        install(TARGETS ${target} LIBRARY DESTINATION ${CONNECTDESK_PLUGIN_INSTALL_DIR})
    endif()
endfunction()

# Test code is compiled lighter than the product in RelWithDebInfo: without debug info and at
# -O1 it builds in about half the time (measured: tst_cast.cpp 16.1 s -> 8.6 s), which keeps
# ./test's clean build short on two cores. The libraries under test keep their -O2 -g.
function(connectdesk_test_compile_options target)
    target_compile_options(${target} PRIVATE "$<$<CONFIG:RelWithDebInfo>:-O1;-g0>")
endfunction()

function(connectdesk_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    connectdesk_test_compile_options(${name})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CONNECTDESK_BUILD_DIR=${CMAKE_BINARY_DIR}")
endfunction()

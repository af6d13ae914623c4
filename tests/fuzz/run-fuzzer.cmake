# SPDX-License-Identifier: MIT
# Runs one libFuzzer target briefly, for CTest: cmake -DFUZZER=path/to/target -P run-fuzzer.cmake
# When the clang++ found has no libFuzzer runtime, tests/fuzz builds no targets: say so and pass.
if(NOT EXISTS "${FUZZER}")
    message(STATUS "${FUZZER} was not built (no libFuzzer runtime); nothing to run")
    return()
endif()
execute_process(COMMAND "${FUZZER}" -seed=1 -runs=500000 -max_len=4096 RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} found a failing input (exit code ${result})")
endif()

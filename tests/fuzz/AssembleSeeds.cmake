# Assembles each fuzzer's seed corpus in OUT/<target>/ from what the tests already use: the recorded
# provider replies in FIXTURES/llm/, the demo workspace that `AWB demo init` writes (agent files,
# workspace.json, the CRM export, the script's tool calls, the tools' schemas), the draft-07
# meta-schema, and the committed seeds in COMMITTED/ for inputs no fixture holds (MIME message
# fields, CSV corner cases). Run by the fuzz/seeds test:
#   cmake -DFIXTURES=... -DCOMMITTED=... -DSOURCE_DIR=... -DAWB=... -DOUT=... -P AssembleSeeds.cmake

foreach(var FIXTURES COMMITTED SOURCE_DIR AWB OUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "AssembleSeeds.cmake: -D${var}=... is required")
    endif()
endforeach()

file(REMOVE_RECURSE ${OUT})

# seed(TARGET GLOB...): copies the matching files into OUT/TARGET, each named after its folder and
# file so that the same name in two providers' folders does not collide.
function(seed target)
    file(MAKE_DIRECTORY ${OUT}/${target})
    set(count 0)
    foreach(pattern IN LISTS ARGN)
        file(GLOB files ${pattern})
        foreach(file IN LISTS files)
            get_filename_component(folder ${file} DIRECTORY)
            get_filename_component(folder ${folder} NAME)
            get_filename_component(name ${file} NAME)
            file(COPY_FILE ${file} ${OUT}/${target}/${folder}-${name})
            math(EXPR count "${count} + 1")
        endforeach()
    endforeach()
    if(count EQUAL 0)
        message(FATAL_ERROR "no seeds for ${target} in ${ARGN}: a fixture moved?")
    endif()
    message(STATUS "${target}: ${count} seeds")
endfunction()

set(llm ${FIXTURES}/llm)
seed(fuzz_sse ${llm}/*/*.sse)
seed(fuzz_ndjson ${llm}/ollama/*.ndjson)
seed(fuzz_openai_stream ${llm}/openai/*.sse)
seed(fuzz_openai_reply ${llm}/openai/response_*.json ${llm}/openai/error_*.json)
seed(fuzz_openai_responses_stream ${llm}/openai-responses/*.sse)
seed(fuzz_openai_responses_reply ${llm}/openai-responses/response_*.json
    ${llm}/openai-responses/error_*.json)
seed(fuzz_anthropic_stream ${llm}/anthropic/*.sse)
seed(fuzz_anthropic_reply ${llm}/anthropic/*.response.json)
seed(fuzz_gemini_stream ${llm}/gemini/*.sse)
seed(fuzz_gemini_reply ${llm}/gemini/*.response.json)
seed(fuzz_ollama_stream ${llm}/ollama/*.ndjson)
seed(fuzz_ollama_reply ${llm}/ollama/*.response.json)

# awb(OUTPUT_VARIABLE ARGS...): runs awb, failing the assembly when it fails. The audit key comes
# from the environment where no keychain is reachable.
function(awb output)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env AWB_AUDIT_KEY=fuzz-seeds ${AWB} ${ARGN}
        RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "`awb ${ARGN}` failed (${status}): ${errors}")
    endif()
    set(${output} "${out}" PARENT_SCOPE)
endfunction()

# The demo workspace is written by the product itself, so its files are what users start from.
set(demo ${OUT}/demo-workspace)
awb(ignored demo init ${demo})
seed(fuzz_agent_definition ${demo}/agents/*.agent.json)
seed(fuzz_workspace_settings ${demo}/workspace.json)
# The CRM export's header and first rows (up to 2 KB, cut after a line): a big seed would only slow
# every execution down.
file(GLOB exports ${demo}/data/*.csv)
file(MAKE_DIRECTORY ${OUT}/fuzz_csv)
foreach(export IN LISTS exports)
    file(READ ${export} text LIMIT 2048)
    string(FIND "${text}" "\n" last REVERSE)
    string(SUBSTRING "${text}" 0 ${last} text)
    get_filename_component(name ${export} NAME)
    file(WRITE ${OUT}/fuzz_csv/demo-${name} "${text}\n")
endforeach()
seed(fuzz_csv ${COMMITTED}/fuzz_csv/*)

# Tool arguments: every call in the demo agent's script; schemas (the schema editor's input): the
# built-in tools' own, as `awb tools list` prints them, and the draft-07 meta-schema.
file(MAKE_DIRECTORY ${OUT}/fuzz_tool_arguments)
file(GLOB scripts ${demo}/agents/*.script.json)
foreach(script IN LISTS scripts)
    file(READ ${script} text)
    string(JSON turns LENGTH "${text}" turns)
    math(EXPR last "${turns} - 1")
    foreach(turn RANGE ${last})
        string(JSON calls ERROR_VARIABLE none LENGTH "${text}" turns ${turn} tool_calls)
        if(NOT none AND calls GREATER 0)
            foreach(call RANGE 1 ${calls})
                math(EXPR index "${call} - 1")
                string(JSON arguments GET "${text}" turns ${turn} tool_calls ${index} arguments)
                get_filename_component(name ${script} NAME_WE)
                file(WRITE ${OUT}/fuzz_tool_arguments/${name}-${turn}-${index}.json "${arguments}")
            endforeach()
        endif()
    endforeach()
endforeach()
awb(tools tools list --workspace ${demo} --json)
string(JSON count LENGTH "${tools}")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
    string(JSON schema GET "${tools}" ${i} input_schema)
    file(WRITE ${OUT}/fuzz_tool_arguments/schema-${i}.json "${schema}")
endforeach()
seed(fuzz_tool_arguments ${SOURCE_DIR}/ui/editors/draft-07-schema.json)
file(REMOVE_RECURSE ${demo})
seed(fuzz_mime_message ${COMMITTED}/fuzz_mime_message/*)

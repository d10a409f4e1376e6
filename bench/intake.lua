-- wrk script for order creation (bench/intake-cpu.sh with CLIENT=wrk): every request a new order of a random type
-- for a random customer of the file, as bench/LoadClient.java create-orders sends it, from wrk's C event loop
-- rather than a JVM (the client shares the server's two cores).
--
--   wrk -t2 -c8 -d30s -s bench/intake.lua http://localhost:8080 -- TOKEN CUSTOMERS_FILE

local types = {
    {"FAULT_REPAIR", "FAULT_REPAIR.NO_POWER"},
    {"CONSULTATION", "CONSULTATION.TARIFF"},
    {"COMPLAINT", "COMPLAINT.SERVICE"},
}
local customers = {}
local headers

local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

function init(args)
    if args[1] == nil or args[2] == nil then
        error("usage: wrk ... -s bench/intake.lua URL -- TOKEN CUSTOMERS_FILE")
    end
    headers = {["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json"}
    for line in io.lines(args[2]) do
        local number = line:match("^%s*(%d+)%s*$")
        if number then
            customers[#customers + 1] = number
        end
    end
    -- each thread its own sequence of customers and types
    math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
    local type = types[math.random(#types)]
    local body = string.format('{"type":"%s","category":"%s","channel":"HOTLINE_95598","priority":"NORMAL",'
        .. '"customerNumber":"%s","callerName":"压测用户","callerPhone":"13800138000","address":"压测地址",'
        .. '"description":"benchmark order %d"}', type[1], type[2], customers[math.random(#customers)],
        math.random(0, 999999))
    return wrk.format("POST", "/api/v1/work-orders", headers, body)
end

-- the same two lines as LoadClient prints, so that the scripts reading them take either client's
function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("requests %d, errors %d, throughput %.1f/s\n", summary.requests,
        e.connect + e.read + e.write + e.status + e.timeout, summary.requests / seconds))
    io.write(string.format("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", latency:percentile(50) / 1000,
        latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

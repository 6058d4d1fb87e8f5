#!/usr/bin/env python3
"""Shares of a server's CPU samples per layer, from async-profiler's collapsed stacks.

Each sample counts for the innermost frame that belongs to a layer (Jetty, Jersey, HK2, scim-core,
scim-jaxrs, the example server, Logback/SLF4J), so a JDK call counts for the layer that made it; samples
of the JIT compiler threads and the collector count separately. Usage:

    python3 benchmarks/http/profile-layers.py STACKS.txt [x]     # x: also list the unattributed stacks

Record the stacks with the profiler as an agent, e.g.
    java -agentpath:/path/libasyncProfiler.so=start,event=itimer,interval=1ms,file=stacks.txt,collapsed -jar ...
or attach it to a running JVM (VirtualMachine.loadAgentPath) with "start,event=itimer,interval=1ms" and
later "stop,file=stacks.txt,collapsed".
"""
import sys, collections

layers = [
 ('scim-core', ('io/scimkit/core', 'io.scimkit.core')),
 ('scim-jaxrs', ('io/scimkit/jaxrs', 'io.scimkit.jaxrs')),
 ('example', ('io/scimkit/examples', 'io.scimkit.examples')),
 ('logback/slf4j', ('ch/qos/logback', 'ch.qos.logback', 'org/slf4j', 'org.slf4j')),
 ('hk2', ('org/jvnet/hk2', 'org.jvnet.hk2', 'org/glassfish/hk2', 'org.glassfish.hk2')),
 ('jersey', ('org/glassfish/jersey', 'org.glassfish.jersey')),
 ('jetty', ('org/eclipse/jetty', 'org.eclipse.jetty')),
]
tot = 0; by = collections.Counter(); other = collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1); n = int(n); tot += n
    frames = stack.split(';')
    cat = None
    for f in reversed(frames):
        for name, pre in layers:
            if f.startswith(pre): cat = name; break
        if cat: break
    if cat is None:
        root = frames[0]
        if 'GC' in stack or 'G1' in stack or 'Serial' in stack.split(';')[0]: cat = 'GC'
        elif 'Compile' in stack or 'C2' in root or 'C1' in root: cat = 'JIT'
        else: cat = 'other'; other[';'.join(frames[:3])[:150]] += n
    by[cat] += n
for k, v in by.most_common(): print(f'{k:16s} {100.0*v/tot:5.1f}%')
print('total samples', tot)
if len(sys.argv) > 2:
    for k, v in other.most_common(8): print(v, k)

#!/usr/bin/env python3
# Regenerates docs/asyncapi.yaml from the records in shared/Civility.Contracts (run from the repository root).
# Descriptions come from the records' /// summaries. A unit test fails when an event type is missing from the file.
import re,glob,os
types={'Guid':('string','uuid'),'string':('string',None),'int':('integer','int32'),'decimal':('number',None),'bool':('boolean',None),'DateOnly':('string','date'),'DateTimeOffset':('string','date-time')}
events=[];records={}
for f in sorted(glob.glob('shared/Civility.Contracts/*/*.cs')):
    src=open(f).read()
    ns=re.search(r'namespace ([\w.]+);',src).group(1)
    for m in re.finditer(r'((?:[ \t]*/// [^\n]*\n)*)[ \t]*public sealed record (\w+)\(([^;]*?)\)( : IntegrationEvent)?;',src):
        doc=' '.join(l.strip()[4:] for l in m.group(1).strip().splitlines())
        doc=re.sub(r'</?summary>','',doc).strip()
        doc=re.sub(r'<see cref="(\w+)"/>',r'\1',doc)
        params=[p.strip() for p in re.split(r',\s*(?![^<]*>)',m.group(3).replace('\n',' ')) if p.strip()]
        props=[]
        for p in params:
            t,n=p.rsplit(' ',1); n=n.split('=')[0].strip()
            props.append((t.strip(),n))
        rec=dict(ns=ns,name=m.group(2),doc=doc,props=props,event=bool(m.group(4)))
        records[rec['name']]=rec
        if rec['event']: events.append(rec)
def camel(n): return n[0].lower()+n[1:]
def q(s): return "'"+s.replace("'","''")+"'"
def schema(t):
    nullable=t.endswith('?'); t=t.rstrip('?')
    m=re.match(r'IReadOnlyList<(\w+)>',t)
    if m: return ['type: array','items:',"  $ref: '#/components/schemas/"+m.group(1)+"'"]
    if t in records: return ["$ref: '#/components/schemas/"+t+"'"]
    ty,fmt=types[t]
    out=['type: '+(('['+ty+', "null"]') if nullable else ty)]
    if fmt: out.append('format: '+fmt)
    return out
L=['# Generated from shared/Civility.Contracts; a test fails when an event type is missing here.',
'asyncapi: 3.0.0','info:','  title: Civility integration events','  version: 1.0.0','  description: |',
'    Facts the Civility services publish, for the other services and for partner apps (publicity channels, the',
'    county credit platform, the national volunteer system sync). Every event is published through a',
"    transactional outbox, at least once: de-duplicate on `messageId` (equal to the event's `eventId`).",
'    Events never carry an unmasked citizen ID number.',
'',
'    How to subscribe: each event type has a durable fanout exchange named `<namespace>:<type>` (for example',
'    `Civility.Contracts.Volunteers:VolunteerRegistered`). Declare your own durable queue (quorum recommended),',
"    bind it to the exchanges you want, and read MassTransit's JSON envelope: the event is under `message`,",
'    with `messageId`, `messageType` (`urn:message:<namespace>:<type>`), `sentTime` and the W3C `traceparent`',
'    header beside it. Fields may be added within a version; `version` changes on any incompatible change.',
'defaultContentType: application/vnd.masstransit+json','servers:','  county:','    host: rabbitmq:5672','    protocol: amqp','    protocolVersion: 0.9.1','    description: The county RabbitMQ broker; each partner app gets its own user and permissions.',
'channels:']
for e in events:
    ex=e['ns']+':'+e['name']
    L+=['  '+e['name']+':','    address: '+q(ex),'    description: '+q(e['doc'] or e['name']),'    messages:','      '+e['name']+':',"        $ref: '#/components/messages/"+e['name']+"'",'    bindings:','      amqp:','        is: routingKey','        exchange:','          name: '+q(ex),'          type: fanout','          durable: true','          autoDelete: false']
L+=['operations:']
for e in events:
    L+=['  receive'+e['name']+':','    action: receive','    channel:',"      $ref: '#/channels/"+e['name']+"'"]
L+=['components:','  messages:']
for e in events:
    L+=['    '+e['name']+':','      name: '+e['ns']+'.'+e['name'],'      title: '+e['name'],'      summary: '+q(e['doc'] or e['name']),'      payload:',"        $ref: '#/components/schemas/"+e['name']+"'"]
L+=['  schemas:','    IntegrationEvent:','      type: object','      required: [eventId, occurredAt, version]','      properties:',
'        eventId:','          type: string','          format: uuid','          description: Also the message id; de-duplicate on it.',
'        occurredAt:','          type: string','          format: date-time','        version:','          type: integer','          description: Schema version of the event type.']
for r in records.values():
    L+=['    '+r['name']+':']
    if r['doc']: L+=['      description: '+q(r['doc'])]
    body=['type: object','required: ['+', '.join(camel(n) for t,n in r['props'] if not t.endswith('?'))+']','properties:']
    for t,n in r['props']:
        body+=['  '+camel(n)+':']+['    '+s for s in schema(t)]
    if r['event']:
        L+=['      allOf:',"        - $ref: '#/components/schemas/IntegrationEvent'",'        - '+body[0]]+['          '+b for b in body[1:]]
    else:
        L+=['      '+b for b in body]
open('docs/asyncapi.yaml','w').write('\n'.join(L)+'\n')
print(len(events),'events', len(records),'records')

/*
 * EMQX-style rule SQL: one SELECT or FOREACH statement over MQTT messages and $events.
 * Keywords are case-insensitive; strings take single or double quotes ('' or "" inside
 * escapes the quote); there are no backslash escapes, so regular expressions read as written.
 */
grammar RuleSql;

options { caseInsensitive = true; }

statement
    : (selectStatement | foreachStatement) EOF
    ;

selectStatement
    : SELECT fields fromClause whereClause?
    ;

foreachStatement
    : FOREACH foreachFields (DO fields)? (INCASE incase=expr)? fromClause whereClause?
    ;

foreachFields
    : namedExpr (',' namedExpr)*
    ;

fields
    : field (',' field)*
    ;

field
    : '*'          # allFields
    | namedExpr    # oneField
    ;

namedExpr
    : expr (AS alias)?
    ;

alias
    : key ('.' key)*
    ;

fromClause
    : FROM topic (',' topic)*
    ;

topic
    : STRING
    ;

whereClause
    : WHERE expr
    ;

/* Alternatives first in this list bind tighter. */
expr
    : primary                                                              # primaryExpr
    | expr '.' key                                                         # fieldAccess
    | expr '[' from=expr '..' to=expr ']'                                  # rangeAccess
    | expr '[' index=expr ']'                                              # indexAccess
    | op=('+' | '-') expr                                                  # unaryExpr
    | left=expr op=('*' | '/' | DIV | MOD) right=expr                      # multiplicative
    | left=expr op=('+' | '-') right=expr                                  # additive
    | left=expr op=('=' | '!=' | '<>' | '<' | '<=' | '>' | '>=' | '=~') right=expr # comparison
    | expr NOT? IN '(' expr (',' expr)* ')'                                # inList
    | NOT expr                                                             # notExpr
    | left=expr AND right=expr                                             # andExpr
    | left=expr OR right=expr                                              # orExpr
    ;

primary
    : literal                                                              # literalExpr
    | CASE subject=expr? whenClause+ (ELSE otherwise=expr)? END            # caseExpr
    | functionName '(' (expr (',' expr)*)? ')'                             # call
    | IDENTIFIER                                                           # name
    | '(' expr ')'                                                         # parenthesized
    | '[' (expr (',' expr)*)? ']'                                          # listLiteral
    ;

/* null() is a function too, though null alone is the literal. */
functionName
    : IDENTIFIER | NULL
    ;

whenClause
    : WHEN condition=expr THEN result=expr
    ;

literal
    : STRING     # stringLiteral
    | INTEGER    # integerLiteral
    | DECIMAL    # decimalLiteral
    | TRUE       # trueLiteral
    | FALSE      # falseLiteral
    | NULL       # nullLiteral
    ;

/* After a dot any word is a key, keywords too (payload.from, payload.end), or a quoted key (pub_props.'User-Property'). */
key
    : IDENTIFIER | STRING | INTEGER | keyword
    ;

keyword
    : SELECT | FOREACH | DO | INCASE | FROM | WHERE | AS | AND | OR | NOT | IN
    | CASE | WHEN | THEN | ELSE | END | DIV | MOD | TRUE | FALSE | NULL
    ;

SELECT  : 'select';
FOREACH : 'foreach';
DO      : 'do';
INCASE  : 'incase';
FROM    : 'from';
WHERE   : 'where';
AS      : 'as';
AND     : 'and';
OR      : 'or';
NOT     : 'not';
IN      : 'in';
CASE    : 'case';
WHEN    : 'when';
THEN    : 'then';
ELSE    : 'else';
END     : 'end';
DIV     : 'div';
MOD     : 'mod';
TRUE    : 'true';
FALSE   : 'false';
NULL    : 'null';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    | '"' ( ~'"' | '""' )* '"'
    ;

DECIMAL
    : DIGIT+ '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

INTEGER
    : DIGIT+
    ;

IDENTIFIER
    : [a-z_] [a-z0-9_$@~]*
    ;

LINE_COMMENT  : '--' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;
WHITESPACE    : [ \t\r\n]+ -> skip;

/* Last: any other character is a token the parser refuses, with its line and column. */
UNEXPECTED : . ;

fragment DIGIT    : [0-9];
fragment EXPONENT : 'e' [+-]? DIGIT+;

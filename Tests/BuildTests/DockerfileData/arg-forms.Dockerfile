ARG A
ARG B=1 C="two words" D=
FROM busybox
ARG E='x y'
ARG F=${A:-def}
